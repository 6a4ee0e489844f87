import { fakeBrowser } from '@webext-core/fake-browser';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  policySettings,
  readPolicy,
  restrictManagedStorage,
  waitForManagedPolicy,
} from '../../../src/background/managed-policy';
import { applyPolicy } from '../../../src/background/policy-sync';
import { readApiKey } from '../../../src/background/key-store';
import { routeMessage } from '../../../src/background/router';
import { DEFAULT_API_BASE_URL } from '../../../src/shared/endpoint';
import { HELPDESK_IDS } from '../../../src/shared/helpdesks';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { policy, popupSender, SENTINEL_KEY, stubEntryPointApis, useBackground } from './harness';

const bg = useBackground();
const send = (message: unknown) => routeMessage(message, popupSender, policy);
const POLICY_KEY = 'POLICY-KEY-8d41aa';

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  bg.fake.setKey(POLICY_KEY, 'ok');
  // The custom domains' registration follows the policy: an in-memory scripting API for it.
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => []),
      registerContentScripts: vi.fn(async () => undefined),
      unregisterContentScripts: vi.fn(async () => undefined),
    },
  });
});

/** What an administrator's policy puts in storage.managed, as the browser hands it over. */
async function setPolicy(managed: Record<string, unknown>) {
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(managed);
}

async function ownStored() {
  return (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;
}

describe('reading the policy', () => {
  it('maps every key of the schema to the setting it decides', () => {
    const read = readPolicy({
      ApiEndpoint: 'https://api.userview.example/v1.1/',
      ApiKey: ` ${POLICY_KEY} `,
      AgentIdentitySource: 'typed',
      DisabledHelpdesks: ['gmail', 'crisp'],
      CustomDomains: [{ Origin: 'https://support.acme.com', Helpdesk: 'zammad' }],
      SessionPermissions: 'view',
      AllowConsole: true,
      SessionScreen: { Screen: 'page_only', HideBottomBar: true },
      ReturnToTicket: true,
      FreshnessSeconds: 300,
      NotifyWhenBack: false,
      NotifyWaiting: true,
      ToolbarOpens: 'panel',
    });
    expect(read.ApiKey).toBe(POLICY_KEY);
    expect(read.AgentIdentitySource).toBe('typed');
    expect(policySettings(read)).toEqual({
      apiBaseUrl: 'https://api.userview.example/v1.1',
      disabledHelpdesks: ['gmail', 'crisp'],
      customDomains: [{ origin: 'https://support.acme.com', helpdesk: 'zammad' }],
      permissionsPreset: 'view',
      allowConsole: true,
      branding: { naked: 'page_only', noBottomBar: true, retryUrl: null },
      returnToTicket: true,
      freshnessSeconds: 300,
      notifyWhenBack: false,
      notifyWaiting: true,
      toolbarOpens: 'panel',
    });
  });

  it('sends a key from policy only to Upscope when the policy names no endpoint', () => {
    expect(policySettings(readPolicy({ ApiKey: POLICY_KEY }))).toEqual({
      apiBaseUrl: DEFAULT_API_BASE_URL,
    });
  });

  it('drops each invalid value on its own and logs which, never the value', () => {
    const lines: string[] = [];
    const read = readPolicy(
      {
        ApiEndpoint: 'http://evil.example/?steal=SECRET-IN-URL',
        ApiKey: 12345,
        SessionPermissions: 'everything',
        FreshnessSeconds: 5,
        DisabledHelpdesks: ['zendesk', 'not-a-helpdesk'],
        Surprise: 'SECRET-UNKNOWN',
        AllowConsole: false,
      },
      (line) => lines.push(line),
    );
    expect(read).toEqual({ AllowConsole: false });
    expect(lines).toHaveLength(6);
    for (const key of ['ApiEndpoint', 'ApiKey', 'SessionPermissions', 'FreshnessSeconds']) {
      expect(lines.some((l) => l.includes(key))).toBe(true);
    }
    expect(lines.join('\n')).not.toMatch(/SECRET|12345|everything|not-a-helpdesk/);
  });

  it('reads a browser without a policy (Firefox throws) as no policy', async () => {
    const managed = fakeBrowser.storage.managed as unknown as Record<string, unknown>;
    const get = managed.get;
    managed.get = vi.fn(async () => {
      throw new Error('Managed storage manifest not found');
    });
    try {
      expect(await waitForManagedPolicy([], async () => undefined)).toEqual({});
    } finally {
      managed.get = get;
    }
  });

  it('asks again for a policy the browser has not read yet, then stops asking', async () => {
    const waits: number[] = [];
    const arrives = waitForManagedPolicy([10, 20, 30], async (ms) => {
      waits.push(ms);
      if (waits.length === 2) await setPolicy({ FreshnessSeconds: 120 });
    });
    expect(await arrives).toEqual({ FreshnessSeconds: 120 });
    expect(waits).toEqual([10, 20]);

    await fakeBrowser.storage.managed.clear();
    waits.length = 0;
    expect(await waitForManagedPolicy([10, 20, 30], async (ms) => void waits.push(ms))).toEqual({});
    expect(waits).toEqual([10, 20, 30]);
  });
});

describe('the settings in effect', () => {
  it('are the agent’s own with the policy’s values laid over them, and say which are managed', async () => {
    await bg.configure({ freshnessSeconds: 900, openIn: 'window', permissionsPreset: 'full' });
    await setPolicy({ SessionPermissions: 'guide', FreshnessSeconds: 120 });
    const reply = await send({ type: 'settings/get' });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        settings: { permissionsPreset: 'guide', freshnessSeconds: 120, openIn: 'window' },
        managed: { fields: ['permissionsPreset', 'freshnessSeconds'], key: false },
      },
    });
    // The policy's values are never stored as the agent's own.
    expect(await ownStored()).toMatchObject({ permissionsPreset: 'full', freshnessSeconds: 900 });
  });

  it('refuse a save that changes a managed value, and keep the agent’s own unchanged', async () => {
    await bg.configure({ allowConsole: false });
    await setPolicy({ AllowConsole: false, ReturnToTicket: true });
    const refused = await send({
      type: 'settings/save',
      patch: { allowConsole: true, openIn: 'window' },
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'managed' } });
    expect(await ownStored()).toMatchObject({ allowConsole: false, openIn: 'tab' });

    // The whole form, managed values as they are, saves what the agent may change.
    const saved = await send({
      type: 'settings/save',
      patch: { allowConsole: false, returnToTicket: true, openIn: 'window' },
    });
    expect(saved).toMatchObject({
      ok: true,
      data: {
        settings: { openIn: 'window', returnToTicket: true },
        managed: { fields: ['allowConsole', 'returnToTicket'] },
      },
    });
    expect(await ownStored()).toMatchObject({ openIn: 'window', returnToTicket: false });
  });

  it('give the agent their own choices back when the policy is withdrawn', async () => {
    await bg.configure({ notifyWhenBack: true });
    await setPolicy({ NotifyWhenBack: false });
    expect(await send({ type: 'settings/get' })).toMatchObject({
      data: { settings: { notifyWhenBack: false } },
    });
    await fakeBrowser.storage.managed.clear();
    expect(await send({ type: 'settings/get' })).toMatchObject({
      data: { settings: { notifyWhenBack: true }, managed: { fields: [], key: false } },
    });
  });
});

describe('the key from policy', () => {
  it('is kept in the worker’s key store for the policy’s endpoint, and used there', async () => {
    await bg.configure({}, null);
    await setPolicy({ ApiEndpoint: bg.server.baseUrl, ApiKey: POLICY_KEY });
    await applyPolicy(readPolicy(await fakeBrowser.storage.managed.get()), { changed: false });

    const origin = new URL(bg.server.baseUrl).origin;
    expect(await readApiKey(origin)).toBe(POLICY_KEY);
    expect(await readApiKey('https://api.upscope.io')).toBeNull();
    await send({ type: 'visitors/search', query: 'jane.doe@example.com' });
    expect(bg.fake.requests.at(-1)?.headers['x-api-key']).toBe(POLICY_KEY);

    // Shown like a typed key: present, its last four characters, never the key.
    const reply = await send({ type: 'settings/get' });
    expect(reply).toMatchObject({
      data: {
        key: { present: true, hint: POLICY_KEY.slice(-4) },
        managed: { key: true, fields: ['apiBaseUrl'] },
      },
    });
    expect(JSON.stringify(reply)).not.toContain(POLICY_KEY);
  });

  it('cannot be replaced, removed or moved to another endpoint by the agent', async () => {
    await bg.configure({}, null);
    await setPolicy({ ApiEndpoint: bg.server.baseUrl, ApiKey: POLICY_KEY });
    await applyPolicy(readPolicy(await fakeBrowser.storage.managed.get()), { changed: false });
    const origin = new URL(bg.server.baseUrl).origin;

    for (const message of [
      { type: 'key/save', apiKey: SENTINEL_KEY },
      { type: 'key/clear' },
      { type: 'settings/save', patch: {}, apiKey: SENTINEL_KEY },
      { type: 'settings/save', patch: { apiBaseUrl: 'https://evil.example/v1.1' } },
    ]) {
      expect(await send(message)).toMatchObject({ ok: false, error: { kind: 'managed' } });
    }
    expect(await readApiKey(origin)).toBe(POLICY_KEY);
  });

  it('goes when the policy no longer gives it; a key the agent typed stays', async () => {
    await bg.configure({}, null);
    await setPolicy({ ApiEndpoint: bg.server.baseUrl, ApiKey: POLICY_KEY });
    await applyPolicy(readPolicy(await fakeBrowser.storage.managed.get()), { changed: false });
    const origin = new URL(bg.server.baseUrl).origin;
    // Tested again from the options page, it is still the policy's key.
    expect(await send({ type: 'connection/test' })).toMatchObject({ ok: true });

    await fakeBrowser.storage.managed.clear();
    await applyPolicy({}, { changed: true });
    expect(await readApiKey(origin)).toBeNull();

    expect(await send({ type: 'key/save', apiKey: SENTINEL_KEY })).toMatchObject({ ok: true });
    await applyPolicy({}, { changed: true });
    expect(await readApiKey(origin)).toBe(SENTINEL_KEY);
  });
});

describe('a policy changed while the browser runs', () => {
  it('is picked up by the running worker: new key, new endpoint, new values', async () => {
    await bg.configure({}, null);
    // A policy there at start-up: the worker reads it at once and does not wait for one.
    await setPolicy({ NotifyWhenBack: true });
    stubEntryPointApis();
    vi.resetModules();
    await import('../../../src/background/index');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const keyStore = await import('../../../src/background/key-store');
    const origin = new URL(bg.server.baseUrl).origin;
    expect(await keyStore.readApiKey(origin)).toBeNull();

    await setPolicy({ ApiEndpoint: bg.server.baseUrl, ApiKey: POLICY_KEY, FreshnessSeconds: 120 });
    await expect.poll(() => keyStore.readApiKey(origin)).toBe(POLICY_KEY);
    expect(await send({ type: 'settings/get' })).toMatchObject({
      data: { settings: { apiBaseUrl: bg.server.baseUrl, freshnessSeconds: 120 } },
    });
  });
});

describe('who reads the policy', () => {
  it('is the worker’s policy module alone: no page or content script code asks storage.managed', async () => {
    const { readdirSync } = await import('node:fs');
    const src = new URL('../../../src/', import.meta.url);
    const readers = (readdirSync(src, { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) =>
        /(browser|chrome)\.storage\.managed/.test(readFileSync(new URL(file, src), 'utf8')),
      );
    expect(readers).toEqual(['background/managed-policy.ts']);
  });
});

describe('the schema the browser validates the policy against', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../../public/managed-schema.json', import.meta.url), 'utf8'),
  ) as {
    properties: Record<
      string,
      { items?: { enum?: string[]; properties?: Record<string, { enum?: string[] }> } }
    >;
  };

  it('declares exactly the keys the worker reads', () => {
    const everyKey = {
      ApiEndpoint: 'https://api.upscope.io/v1.1',
      ApiKey: 'k',
      AgentIdentitySource: 'typed',
      DisabledHelpdesks: [],
      CustomDomains: [],
      SessionPermissions: 'full',
      AllowConsole: false,
      SessionScreen: {},
      ReturnToTicket: false,
      FreshnessSeconds: 60,
      NotifyWhenBack: true,
      NotifyWaiting: false,
      ToolbarOpens: 'popup',
    };
    expect(Object.keys(readPolicy(everyKey)).sort()).toEqual(Object.keys(everyKey).sort());
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(everyKey).sort());
  });

  it('lists every helpdesk the extension knows, and only those', () => {
    expect(schema.properties.DisabledHelpdesks!.items!.enum).toEqual(HELPDESK_IDS);
    expect(schema.properties.CustomDomains!.items!.properties!.Helpdesk!.enum).toEqual(
      HELPDESK_IDS,
    );
  });

  it('leaves the defaults alone for a browser without a policy', async () => {
    await fakeBrowser.storage.local.clear();
    expect(await send({ type: 'settings/get' })).toMatchObject({
      data: { settings: DEFAULT_SETTINGS, managed: { fields: [], key: false } },
    });
  });
});

describe('reading the policy, more', () => {
  it('a session screen the policy gives without details is the standard one, bottom bar shown', () => {
    expect(policySettings(readPolicy({ SessionScreen: {} }))).toEqual({
      branding: { naked: false, noBottomBar: false, retryUrl: null },
    });
  });

  it('a policy that is not an object at all is no policy', () => {
    for (const raw of [null, undefined, 0, '', 'ApiKey']) {
      expect(readPolicy(raw, () => undefined)).toEqual({});
    }
  });

  it('at start-up, asks again for about five seconds before taking "no policy" for an answer', async () => {
    vi.useFakeTimers();
    try {
      let answer: unknown = null;
      void waitForManagedPolicy().then((policy) => (answer = policy));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(answer).toBeNull();
      // Chrome has read the policy meanwhile: the next look finds it.
      await setPolicy({ FreshnessSeconds: 120 });
      await vi.advanceTimersByTimeAsync(1_000);
      expect(answer).toEqual({ FreshnessSeconds: 120 });

      await fakeBrowser.storage.managed.clear();
      answer = null;
      void waitForManagedPolicy().then((policy) => (answer = policy));
      await vi.advanceTimersByTimeAsync(5_000);
      expect(answer).toBeNull();
      await vi.advanceTimersByTimeAsync(500);
      expect(answer).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('closing storage.managed to content scripts (T9)', () => {
  const managed = () => fakeBrowser.storage.managed as unknown as Record<string, unknown>;

  it('asks the browser to keep the policy for the extension’s own pages and worker', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    managed().setAccessLevel = setAccessLevel;
    expect(await restrictManagedStorage()).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('says it could not where the browser has no access levels or refuses', async () => {
    delete managed().setAccessLevel;
    expect(await restrictManagedStorage()).toBe(false);
    managed().setAccessLevel = vi.fn(async () => {
      throw new Error('Access level not supported for this area');
    });
    expect(await restrictManagedStorage()).toBe(false);
    // A browser without storage.managed at all.
    const storage = fakeBrowser.storage as unknown as Record<string, unknown>;
    const area = storage.managed;
    storage.managed = undefined;
    try {
      expect(await restrictManagedStorage()).toBe(false);
    } finally {
      storage.managed = area;
    }
  });
});
