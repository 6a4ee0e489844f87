import { fakeBrowser } from '@webext-core/fake-browser';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromeManifest } from '../../../scripts/manifest';
import { FIND_MENU_ID } from '../../../src/background/find-menu';
import { PAUSE_RETRY_ALARM } from '../../../src/background/pause-retry';
import { PRESENCE_ALARM } from '../../../src/background/presence';
import { originMatchesPattern } from '../../../src/background/sender';
import { SEED_IDS } from '../../fake-upscope';
import { routeMessage } from '../../../src/background/router';
import { policy, popupSender, stubEntryPointApis, ticketSender, useBackground } from './harness';

const manifest = chromeManifest();

describe('service worker start-up', () => {
  it('registers every listener synchronously, in the first turn', async () => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => manifest;
    stubEntryPointApis();
    Object.assign(fakeBrowser, {
      scripting: { getRegisteredContentScripts: vi.fn(async () => []) },
    });
    vi.resetModules();
    const pending = import('../../../src/background/index');
    await pending;
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    expect(fakeBrowser.commands.onCommand.hasListeners()).toBe(true);
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
    expect(fakeBrowser.contextMenus.onClicked.hasListeners()).toBe(true);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
    expect(fakeBrowser.permissions.onAdded.hasListeners()).toBe(true);
    // A top-level await would let the worker's first turn end before the listeners exist.
    const source = await import('node:fs').then((fs) =>
      fs.readFileSync(new URL('../../../src/background/index.ts', import.meta.url), 'utf8'),
    );
    expect(source).not.toMatch(/^\s*(await|for await)\b/m);
  });

  it('listens to no other extension', async () => {
    expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
    const source = await import('node:fs').then((fs) =>
      fs.readFileSync(new URL('../../../src/background/index.ts', import.meta.url), 'utf8'),
    );
    expect(source).not.toMatch(/onMessageExternal|onConnectExternal/);
  });
});

// What each listener the worker registers does when the browser fires its event: the worker's
// entry point itself, on the in-memory browser, with the fake Upscope server behind it.

const bg = useBackground();

/** An event the test fires, for the APIs the in-memory browser does not implement. */
function event<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (l: (...args: A) => unknown) => void listeners.push(l),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: A) => Promise.all(listeners.map((l) => l(...args))),
  };
}

const CUSTOM_ORIGIN = 'https://support.acme-corp.example';

interface Worker {
  command: ReturnType<typeof event<[string, Tabs.Tab | undefined]>>;
  menuClicked: ReturnType<typeof event<[object, Tabs.Tab | undefined]>>;
  permissionsAdded: ReturnType<typeof event<[object]>>;
  permissionsRemoved: ReturnType<typeof event<[object]>>;
  menuCreate: ReturnType<typeof vi.fn>;
  openOptionsPage: ReturnType<typeof vi.fn>;
  executeScript: ReturnType<typeof vi.fn>;
  registered: { id: string; matches?: string[] }[];
  granted: Set<string>;
  setPanelBehavior: ReturnType<typeof vi.fn>;
  setPopup: ReturnType<typeof vi.fn>;
}

/** Lets the listeners' un-awaited work (`void …`) run to its end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

/**
 * Starts the worker's entry point on the browser as it is now: a managed policy is present, so
 * start-up reads it at once instead of asking again over five seconds.
 */
async function startWorker(
  options: { contextMenus?: boolean; buttons?: boolean } = {},
): Promise<Worker> {
  const w = {
    command: event(),
    menuClicked: event(),
    permissionsAdded: event(),
    permissionsRemoved: event(),
    menuCreate: vi.fn(),
    openOptionsPage: vi.fn(async () => undefined),
    executeScript: vi.fn(async () => []),
    registered: [],
    granted: new Set<string>(),
    setPanelBehavior: vi.fn(async () => undefined),
    setPopup: vi.fn(async () => undefined),
  } as Worker;
  (fakeBrowser.commands as unknown as Record<string, unknown>).onCommand = w.command;
  Object.assign(fakeBrowser.permissions, {
    onAdded: w.permissionsAdded,
    onRemoved: w.permissionsRemoved,
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((o) => w.granted.has(o)),
    ),
  });
  Object.assign(fakeBrowser, {
    contextMenus:
      options.contextMenus === false
        ? undefined
        : {
            onClicked: w.menuClicked,
            removeAll: vi.fn(async () => undefined),
            create: w.menuCreate,
          },
    scripting: {
      executeScript: w.executeScript,
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
        w.registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      ),
      registerContentScripts: vi.fn(async (scripts: Worker['registered']) => {
        w.registered.push(...scripts);
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        w.registered = w.registered.filter((s) => !ids.includes(s.id));
      }),
    },
  });
  if (options.buttons === false) {
    (fakeBrowser.notifications as unknown as Record<string, unknown>).onButtonClicked = undefined;
  }
  (fakeBrowser.runtime as unknown as Record<string, unknown>).openOptionsPage = w.openOptionsPage;
  (fakeBrowser.action as unknown as Record<string, unknown>).setPopup = w.setPopup;
  vi.stubGlobal('chrome', { sidePanel: { setPanelBehavior: w.setPanelBehavior } });
  // The tabs a match pattern list covers, as the browser answers tabs.query({ url: [...] }).
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (info: Tabs.QueryQueryInfoType) => {
    const { url, ...rest } = info;
    const tabs = await query(rest);
    if (!Array.isArray(url)) return tabs;
    return tabs.filter(
      (t) => !!t.url && url.some((p) => originMatchesPattern(new URL(t.url!).origin, p)),
    );
  }) as never);
  // Equal to the default: the policy changes nothing but is there to read.
  await fakeBrowser.storage.managed.set({ NotifyWhenBack: true });
  vi.resetModules();
  await import('../../../src/background/index');
  await settle();
  return w;
}

afterEach(async () => {
  // Nothing the worker started may run on into the next test's browser.
  await settle();
  vi.unstubAllGlobals();
  const notifications = fakeBrowser.notifications as unknown as Record<string, unknown>;
  notifications.onButtonClicked ??= { addListener: () => undefined };
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = { ok: boolean; data?: any; error?: any };

/**
 * A message from the extension's own page. Node's URL gives a chrome-extension:// address the
 * origin "null" (browsers give its own), so the entry point cannot tell its pages here: these go
 * to the router with the origin the browser would report.
 */
const fromPage = (message: unknown) => routeMessage(message, popupSender, policy) as Promise<Loose>;

/** A message as the browser delivers it to the worker's listener. */
async function deliver(message: unknown, sender: Runtime.MessageSender): Promise<Loose> {
  const [reply] = (await fakeBrowser.runtime.onMessage.trigger(
    message,
    sender as never,
    () => undefined,
  )) as unknown[];
  return reply as Loose;
}

const identify = (tabId: number, email: string, origin?: string) =>
  deliver(
    {
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      ticketId: '123',
      identities: { email },
      visible: true,
    },
    ticketSender(tabId, origin),
  );

const watchUrlCalls = () => bg.apiCalls().filter((c) => c.path.endsWith('/watch_url.json'));
const badgeUpdates = () =>
  bg.sentToTabs.filter((m) => (m as { type: string }).type === 'badge/update');

describe('the worker’s message listener', () => {
  it('answers a helpdesk tab of the manifest and a granted custom domain, and refuses other origins', async () => {
    await bg.configure({
      customDomains: [
        { origin: 'https://desk.acme-corp.example', helpdesk: 'freescout' },
        { origin: CUSTOM_ORIGIN, helpdesk: 'zendesk' },
      ],
    });
    await startWorker();

    const zendesk = await identify(1, 'jane.doe@example.com');
    expect(zendesk).toMatchObject({ ok: true, data: { state: 'online' } });
    const custom = await identify(1, 'jane.doe@example.com', CUSTOM_ORIGIN);
    expect(custom).toMatchObject({ ok: true, data: { state: 'online' } });

    for (const origin of ['https://evil.example', 'https://acme.zendesk.com.evil.example']) {
      const refused = await identify(1, 'jane.doe@example.com', origin);
      expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
  });
});

describe('the start shortcut', () => {
  it('starts co-browsing with the ticket’s visitor; another command does nothing', async () => {
    await bg.configure();
    const w = await startWorker();
    await identify(1, 'jane.doe@example.com');

    // Another command (the browser's own, say) on a tab without a ticket: the shortcut there
    // would open the popup to say so; this one does nothing at all.
    const elsewhere = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await w.command.trigger('_execute_action', elsewhere);
    await w.command.trigger('start-cobrowse', await fakeBrowser.tabs.get(1));
    await vi.waitFor(() => expect(watchUrlCalls()).toHaveLength(1));
    expect(watchUrlCalls()[0]).toMatchObject({
      method: 'POST',
      path: expect.stringContaining(SEED_IDS.jane),
    });
    await settle();
    expect(bg.openPopup).not.toHaveBeenCalled();
  });
});

describe('“Find in Upscope” in the context menu', () => {
  it('opens the popup with the selection to search', async () => {
    await bg.configure();
    const w = await startWorker();
    await w.menuClicked.trigger(
      { menuItemId: FIND_MENU_ID, selectionText: ' jane.doe@example.com ' },
      await fakeBrowser.tabs.get(1),
    );
    await vi.waitFor(() => expect(bg.openPopup).toHaveBeenCalled());
    expect(await fromPage({ type: 'search/take-pending' })).toEqual({
      ok: true,
      data: 'jane.doe@example.com',
    });
  });

  it('is simply absent where the browser has no context menus (Firefox for Android)', async () => {
    await bg.configure();
    await startWorker({ contextMenus: false });
    expect(await identify(1, 'jane.doe@example.com')).toMatchObject({ ok: true });
  });
});

describe('the presence alarm', () => {
  it.each([PRESENCE_ALARM, PAUSE_RETRY_ALARM])(
    '"%s" looks at the visible ticket again and updates its badge',
    async (name) => {
      await bg.configure();
      await startWorker();
      await identify(1, 'jane.doe@example.com');
      bg.sentToTabs.length = 0;
      await fakeBrowser.alarms.onAlarm.trigger({
        name,
        scheduledTime: Date.now(),
        persistAcrossSessions: false,
      });
      await vi.waitFor(() =>
        expect(badgeUpdates()).toEqual([
          expect.objectContaining({ view: expect.objectContaining({ state: 'online' }) }),
        ]),
      );
    },
  );

  it('another alarm refreshes nothing', async () => {
    await bg.configure();
    await startWorker();
    await identify(1, 'jane.doe@example.com');
    bg.sentToTabs.length = 0;
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'something-else',
      scheduledTime: Date.now(),
      persistAcrossSessions: false,
    });
    await settle();
    expect(badgeUpdates()).toEqual([]);
  });
});

describe('notification clicks', () => {
  /** Tom, offline on the ticket in tab 1, on the watch list; another tab in front. */
  async function watchedInTab1() {
    await bg.configure();
    const w = await startWorker();
    await identify(1, 'tom.baker@example.com');
    const reply = await fromPage({ type: 'watch/add', tabId: 1, shortId: SEED_IDS.tom });
    expect(reply.ok).toBe(true);
    await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    expect((await fakeBrowser.tabs.get(1)).active).toBe(false);
    return w;
  }

  it('a click on the watched customer’s notice shows their ticket', async () => {
    await watchedInTab1();
    await fakeBrowser.notifications.onClicked.trigger(`watch:${SEED_IDS.tom}`);
    expect((await fakeBrowser.tabs.get(1)).active).toBe(true);
  });

  it('“Open ticket” on the watched customer’s notice shows their ticket', async () => {
    await watchedInTab1();
    await fakeBrowser.notifications.onButtonClicked.trigger(`watch:${SEED_IDS.tom}`, 1);
    expect((await fakeBrowser.tabs.get(1)).active).toBe(true);
    expect(watchUrlCalls()).toEqual([]);
  });

  it('a click on a waiting-for-a-call notice shows that ticket', async () => {
    await watchedInTab1();
    await fakeBrowser.notifications.onClicked.trigger('waiting:1');
    expect((await fakeBrowser.tabs.get(1)).active).toBe(true);
  });

  it('“Open ticket” on a waiting-for-a-call notice shows that ticket', async () => {
    await watchedInTab1();
    await fakeBrowser.notifications.onButtonClicked.trigger('waiting:1', 1);
    expect((await fakeBrowser.tabs.get(1)).active).toBe(true);
  });

  it('on a browser without notification buttons (Firefox), a click still shows the ticket', async () => {
    await bg.configure();
    await startWorker({ buttons: false });
    await identify(1, 'tom.baker@example.com');
    await fromPage({ type: 'watch/add', tabId: 1, shortId: SEED_IDS.tom });
    await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    await fakeBrowser.notifications.onClicked.trigger(`watch:${SEED_IDS.tom}`);
    expect((await fakeBrowser.tabs.get(1)).active).toBe(true);
  });
});

describe('a closed tab', () => {
  it('leaves nothing of its ticket behind: state, what was read, its lookup budget', async () => {
    await bg.configure();
    await startWorker();
    await identify(1, 'jane.doe@example.com');
    await deliver(
      { type: 'ticket/read', helpdesk: 'zendesk', ticketId: '123', from: 'page', ignored: [] },
      ticketSender(1),
    );
    const ofTab1 = async () =>
      Object.keys(await fakeBrowser.storage.session.get()).filter((k) => /:1$/.test(k));
    expect((await ofTab1()).length).toBeGreaterThanOrEqual(3);

    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await ofTab1()).toEqual([]));
  });
});

describe('install, update and browser start', () => {
  async function installed(reason: 'install' | 'update' | 'chrome_update') {
    await bg.configure();
    const w = await startWorker();
    await fakeBrowser.runtime.onInstalled.trigger(
      reason === 'update' ? { reason, previousVersion: '1.0.0' } : { reason },
    );
    await settle();
    return w;
  }

  it('a first install opens the settings, and puts the badge on helpdesk tabs already open', async () => {
    const w = await installed('install');
    await vi.waitFor(() => expect(w.openOptionsPage).toHaveBeenCalledTimes(1));
    await vi.waitFor(() =>
      expect(w.executeScript).toHaveBeenCalledWith({
        target: { tabId: 1 },
        files: manifest.content_scripts[0]!.js,
      }),
    );
    await vi.waitFor(() =>
      expect(w.menuCreate).toHaveBeenCalledWith(expect.objectContaining({ id: FIND_MENU_ID })),
    );
  });

  it('an update puts the badge back on open helpdesk tabs without opening the settings', async () => {
    const w = await installed('update');
    expect(w.openOptionsPage).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(w.executeScript).toHaveBeenCalledWith(
        expect.objectContaining({ target: { tabId: 1 } }),
      ),
    );
    await vi.waitFor(() =>
      expect(w.menuCreate).toHaveBeenCalledWith(expect.objectContaining({ id: FIND_MENU_ID })),
    );
  });

  it('a browser update only recreates the menu entry', async () => {
    const w = await installed('chrome_update');
    expect(w.openOptionsPage).not.toHaveBeenCalled();
    expect(w.executeScript).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(w.menuCreate).toHaveBeenCalledWith(expect.objectContaining({ id: FIND_MENU_ID })),
    );
  });

  it('each browser start recreates the menu entry (Firefox forgets it)', async () => {
    await bg.configure();
    const w = await startWorker();
    expect(w.menuCreate).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    await vi.waitFor(() =>
      expect(w.menuCreate).toHaveBeenCalledWith(expect.objectContaining({ id: FIND_MENU_ID })),
    );
  });
});

describe('settings, permissions and policy changing while the worker runs', () => {
  it('a custom domain’s script is registered as access is granted, and goes as it is taken away', async () => {
    await bg.configure({ customDomains: [{ origin: CUSTOM_ORIGIN, helpdesk: 'zendesk' }] });
    const w = await startWorker();
    await vi.waitFor(() => expect(w.registered).toEqual([]));

    w.granted.add(`${CUSTOM_ORIGIN}/*`);
    await w.permissionsAdded.trigger({ origins: [`${CUSTOM_ORIGIN}/*`] });
    await settle();
    await vi.waitFor(() =>
      expect(w.registered).toEqual([expect.objectContaining({ matches: [`${CUSTOM_ORIGIN}/*`] })]),
    );

    w.granted.clear();
    await w.permissionsRemoved.trigger({ origins: [`${CUSTOM_ORIGIN}/*`] });
    await settle();
    await vi.waitFor(() => expect(w.registered).toEqual([]));
  });

  it('a custom domain added in the settings gets the script when access was granted', async () => {
    await bg.configure();
    const w = await startWorker();
    w.granted.add(`${CUSTOM_ORIGIN}/*`);
    const { settings } = (await fakeBrowser.storage.local.get('settings')) as { settings: object };
    await fakeBrowser.storage.local.set({
      settings: { ...settings, customDomains: [{ origin: CUSTOM_ORIGIN, helpdesk: 'zendesk' }] },
    });
    await settle();
    await vi.waitFor(() =>
      expect(w.registered).toEqual([expect.objectContaining({ matches: [`${CUSTOM_ORIGIN}/*`] })]),
    );
  });

  it('the toolbar button opens the side panel or the popup as the settings say, from start-up on', async () => {
    await bg.configure({ toolbarOpens: 'panel' });
    const w = await startWorker();
    await vi.waitFor(() =>
      expect(w.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: true }),
    );
    await vi.waitFor(() => expect(w.setPopup).toHaveBeenLastCalledWith({ popup: '' }));

    const { settings } = (await fakeBrowser.storage.local.get('settings')) as { settings: object };
    await fakeBrowser.storage.local.set({ settings: { ...settings, toolbarOpens: 'popup' } });
    await settle();
    await vi.waitFor(() =>
      expect(w.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: false }),
    );
    await vi.waitFor(() =>
      expect(w.setPopup).toHaveBeenLastCalledWith({ popup: manifest.action.default_popup }),
    );

    // Other things stored (a lookup's state, the key) leave the toolbar alone.
    const calls = w.setPanelBehavior.mock.calls.length;
    await identify(1, 'jane.doe@example.com');
    await fakeBrowser.storage.local.set({ other: 1 });
    await settle();
    await vi.waitFor(() => expect(w.setPanelBehavior).toHaveBeenCalledTimes(calls));
  });

  it('a key the policy gives while the browser runs is kept for Upscope’s endpoint', async () => {
    await bg.configure({}, null);
    await startWorker();
    await fakeBrowser.storage.managed.set({ NotifyWhenBack: true, ApiKey: 'other-key' });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('apiKey')).apiKey).toMatchObject({
        value: 'other-key',
        fromPolicy: true,
        origin: 'https://api.upscope.io',
      }),
    );
  });

  it('a helpdesk the policy turns off while a ticket is open is shown off at once', async () => {
    await bg.configure();
    await startWorker();
    await identify(1, 'jane.doe@example.com');
    bg.sentToTabs.length = 0;
    await fakeBrowser.storage.managed.set({ NotifyWhenBack: true, DisabledHelpdesks: ['zendesk'] });
    await vi.waitFor(() =>
      expect(badgeUpdates()).toEqual([
        expect.objectContaining({ view: expect.objectContaining({ state: 'disabled' }) }),
      ]),
    );
  });
});
