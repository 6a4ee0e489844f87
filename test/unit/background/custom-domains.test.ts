import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chromeManifest } from '../../../scripts/manifest';
import {
  CUSTOM_SCRIPT_ID,
  helpdeskAt,
  syncCustomDomains,
} from '../../../src/background/custom-domains';
import { routeMessage } from '../../../src/background/router';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { EXTENSION_ID, policy, stubEntryPointApis, ticketSender } from './harness';

const manifest = chromeManifest();

// The built manifest names the built content-script file; registration must use that name.
const BUILT_JS = 'src/content/index.js';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

let registered: Registered[];
let granted: Set<string>;
const scripting = {
  getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
    registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
  ),
  registerContentScripts: vi.fn(async (scripts: Registered[]) => {
    for (const s of scripts) {
      if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      registered.push(s);
    }
  }),
  unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
    registered = registered.filter((s) => filter?.ids && !filter.ids.includes(s.id));
  }),
};

async function settings(customDomains: Settings['customDomains']) {
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, customDomains } });
}

beforeEach(() => {
  fakeBrowser.reset();
  registered = [];
  granted = new Set();
  for (const fn of Object.values(scripting)) fn.mockClear();
  Object.assign(fakeBrowser, { scripting });
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((o) => granted.has(o)),
    ),
  });
  (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => ({
    ...manifest,
    content_scripts: [{ ...manifest.content_scripts[0], js: [BUILT_JS] }],
  });
});

describe('content script on custom helpdesk domains', () => {
  it('is registered for the granted origins only, with the built script', async () => {
    await settings([
      { origin: 'https://support.acme.com', helpdesk: 'zendesk' },
      { origin: 'https://desk.acme.org', helpdesk: 'freescout' },
      { origin: 'https://not-granted.example', helpdesk: 'osticket' },
    ]);
    granted.add('https://support.acme.com/*').add('https://desk.acme.org/*');
    await syncCustomDomains();
    expect(registered).toEqual([
      {
        id: CUSTOM_SCRIPT_ID,
        matches: ['https://support.acme.com/*', 'https://desk.acme.org/*'],
        js: [BUILT_JS],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('nothing is registered without a granted origin; a stale registration goes', async () => {
    registered.push({ id: CUSTOM_SCRIPT_ID, matches: ['https://old.example/*'], js: [BUILT_JS] });
    await settings([{ origin: 'https://support.acme.com', helpdesk: 'zendesk' }]);
    await syncCustomDomains();
    expect(registered).toEqual([]);
  });

  it('an unchanged registration is left alone (the worker starts often)', async () => {
    await settings([{ origin: 'https://support.acme.com', helpdesk: 'zendesk' }]);
    granted.add('https://support.acme.com/*');
    await syncCustomDomains();
    await syncCustomDomains();
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(scripting.unregisterContentScripts).not.toHaveBeenCalled();
  });

  it('a registration follows the settings when one origin is replaced by another', async () => {
    await settings([{ origin: 'https://support.acme.com', helpdesk: 'zendesk' }]);
    granted.add('https://support.acme.com/*').add('https://desk.acme.org/*');
    await syncCustomDomains();
    await settings([{ origin: 'https://desk.acme.org', helpdesk: 'zendesk' }]);
    await syncCustomDomains();
    expect(registered).toEqual([
      expect.objectContaining({ id: CUSTOM_SCRIPT_ID, matches: ['https://desk.acme.org/*'] }),
    ]);
  });

  it('after an update that renamed the built script, the registration injects the new file', async () => {
    registered.push({
      id: CUSTOM_SCRIPT_ID,
      matches: ['https://support.acme.com/*'],
      js: ['assets/index-old.js'],
    });
    await settings([{ origin: 'https://support.acme.com', helpdesk: 'zendesk' }]);
    granted.add('https://support.acme.com/*');
    await syncCustomDomains();
    expect(registered).toEqual([expect.objectContaining({ js: [BUILT_JS] })]);
  });

  it('an origin listed twice (two helpdesks named for it) is injected into once', async () => {
    await settings([
      { origin: 'https://support.acme.com', helpdesk: 'zendesk' },
      { origin: 'https://support.acme.com', helpdesk: 'freescout' },
    ]);
    granted.add('https://support.acme.com/*');
    await syncCustomDomains();
    expect(registered).toEqual([
      expect.objectContaining({ matches: ['https://support.acme.com/*'] }),
    ]);
  });

  it('calls made together run one after another', async () => {
    await settings([{ origin: 'https://support.acme.com', helpdesk: 'zendesk' }]);
    granted.add('https://support.acme.com/*');
    await Promise.all([syncCustomDomains(), syncCustomDomains(), syncCustomDomains()]);
    expect(registered).toHaveLength(1);
  });

  it('a failure is reported, not thrown, and the next call still works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await settings([{ origin: 'https://support.acme.com', helpdesk: 'zendesk' }]);
    granted.add('https://support.acme.com/*');
    scripting.registerContentScripts.mockRejectedValueOnce(new Error('boom'));
    await expect(syncCustomDomains()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    await syncCustomDomains();
    expect(registered).toHaveLength(1);
  });

  it('follows the settings: the worker re-syncs when they change in storage.local', async () => {
    vi.resetModules();
    stubEntryPointApis();
    await import('../../../src/background/index');
    await vi.waitFor(() => expect(scripting.getRegisteredContentScripts).toHaveBeenCalled());
    expect(registered).toEqual([]);

    granted.add('https://support.acme.com/*');
    await settings([{ origin: 'https://support.acme.com', helpdesk: 'zendesk' }]);
    await vi.waitFor(() => expect(registered).toHaveLength(1));
    expect(registered[0]!.matches).toEqual(['https://support.acme.com/*']);

    await settings([]);
    await vi.waitFor(() => expect(registered).toHaveLength(0));
  });
});

describe('which helpdesk a custom domain runs', () => {
  beforeEach(async () => {
    await settings([
      { origin: 'https://support.acme.com', helpdesk: 'zendesk' },
      { origin: 'https://desk.acme.org', helpdesk: 'freescout' },
    ]);
  });

  it('a vendor’s own host is known from the helpdesk table, before any custom domain', async () => {
    await settings([{ origin: 'https://acme.zendesk.com', helpdesk: 'freescout' }]);
    expect(await helpdeskAt('https://acme.zendesk.com/agent/tickets/1')).toBe('zendesk');
    expect(await helpdeskAt('https://app-eu1.hubspot.com/x')).toBe('hubspot');
  });

  it('is answered from the settings for the page’s own origin', async () => {
    expect(await helpdeskAt('https://desk.acme.org/conversation/7')).toBe('freescout');
    expect(await helpdeskAt('https://elsewhere.example/')).toBeNull();
    expect(await helpdeskAt(null)).toBeNull();
  });

  it('only a content script on an added origin may ask, and it learns only its own', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://desk.acme.org/conversation/7' });
    const custom = {
      ...policy,
      isHelpdeskOrigin: (origin: string) =>
        policy.isHelpdeskOrigin(origin) ||
        ['https://support.acme.com', 'https://desk.acme.org'].includes(origin),
    };
    const sender = { ...ticketSender(tab.id!, 'https://desk.acme.org'), id: EXTENSION_ID };
    expect(await routeMessage({ type: 'site/which' }, sender, custom)).toEqual({
      ok: true,
      data: { helpdesk: 'freescout', vendorMail: expect.arrayContaining(['zendesk', 'hs-inbox']) },
    });
    expect(
      await routeMessage(
        { type: 'site/which', origin: 'https://support.acme.com' },
        sender,
        custom,
      ),
    ).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    const stranger = ticketSender(tab.id!, 'https://evil.example');
    expect(await routeMessage({ type: 'site/which' }, stranger, custom)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });
});
