import { fakeBrowser } from '@webext-core/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import { readApiKey } from '../../../src/background/key-store';
import { readPolicy } from '../../../src/background/managed-policy';
import { applyPolicy, applyPolicyAtStart } from '../../../src/background/policy-sync';
import { PRESENCE_ALARM } from '../../../src/background/presence';
import { routeMessage } from '../../../src/background/router';
import { getTabState } from '../../../src/background/tab-state';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, SENTINEL_KEY, ticketSender, useBackground } from './harness';

// The messages the popup, the options page and the ticket's content script send, as the agent
// meets them: what each answers, what it sends to Upscope and which tabs it tells.

const bg = useBackground();
const words = english as Record<string, { message: string }>;
const say = (key: string) => words[key]!.message;

const fromPopup = (message: unknown) => routeMessage(message, popupSender, policy);
const fromTicket = (message: unknown, tabId = 7) =>
  routeMessage(message, ticketSender(tabId), policy);

function identify(email: string, tabId = 7, helpdesk = 'zendesk') {
  return fromTicket(
    { type: 'ticket/identify', helpdesk, ticketId: '123', identities: { email }, visible: true },
    tabId,
  );
}

/** The badge views pushed to each tab's top frame, in order. */
function pushedTo(tabId: number): { state: string; nonce?: string }[] {
  return vi
    .mocked(fakeBrowser.tabs.sendMessage)
    .mock.calls.filter(([id, , options]) => id === tabId && options?.frameId === 0)
    .map(([, message]) => (message as { view: { state: string; nonce?: string } }).view);
}

const searches = () => bg.apiCalls().filter((c) => c.path.endsWith('/list.json'));

async function nonceOf(tabId = 7): Promise<string> {
  return (await getTabState(tabId))!.view.nonce!;
}

describe('starting from the badge (ticket/start-cobrowse)', () => {
  const start = async (tabId = 7, nonce?: string) =>
    fromTicket({ type: 'ticket/start-cobrowse', nonce: nonce ?? (await nonceOf(tabId)) }, tabId);

  it('is refused as stale on a tab that was never given a view', async () => {
    await bg.configure();
    expect(await fromTicket({ type: 'ticket/start-cobrowse', nonce: 'made-up' })).toMatchObject({
      ok: false,
      error: { kind: 'stale_view', message: say('errorStaleView') },
    });
    expect(bg.fake.watchSessions).toHaveLength(0);
  });

  it('says nobody was found when the ticket’s customer is not on the site', async () => {
    await bg.configure();
    await identify('nobody@example.com');
    expect(await start()).toMatchObject({
      ok: false,
      error: { kind: 'no_visitor', message: say('problemNoVisitor') },
    });
  });

  it('does not guess between two equally available devices of one customer', async () => {
    bg.fake.endSession(SEED_IDS.samDesktopInSession);
    await bg.configure();
    await identify('sam.lee@example.com');
    expect(await start()).toMatchObject({
      ok: false,
      error: { kind: 'ambiguous', message: say('problemAmbiguous') },
    });
    expect(bg.fake.watchSessions).toHaveLength(0);
  });

  it('refuses an offline visitor in the words the badge shows', async () => {
    await bg.configure();
    await identify('tom.baker@example.com');
    const { title } = (await getTabState(7))!.view;
    expect(await start()).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', message: title },
    });
    expect(title).not.toBe('');
  });

  it('opens a session with the one clear visitor and says where it opened', async () => {
    await bg.configure();
    await identify('jane.doe@example.com');
    const reply = await start();
    expect(reply).toMatchObject({ ok: true, data: { opened: expect.any(String) } });
    const { opened, said } = (reply as { data: { opened: string; said: string } }).data;
    const key = `badgeOpened${opened[0]!.toUpperCase()}${opened.slice(1)}`;
    expect(said).toBe(say(key));
    expect(bg.fake.watchSessions).toHaveLength(1);
  });
});

describe('the content script’s other messages', () => {
  it('identify answers the content script itself: nothing is pushed to the tab', async () => {
    await bg.configure();
    expect(await identify('jane.doe@example.com')).toMatchObject({ data: { state: 'online' } });
    expect(pushedTo(7)).toEqual([]);
  });

  it('visibility on a tab with no ticket answers nothing and looks nothing up', async () => {
    await bg.configure();
    expect(await fromTicket({ type: 'ticket/visibility', visible: true })).toEqual({
      ok: true,
      data: null,
    });
    expect(bg.fake.requests).toHaveLength(0);
  });

  it('check-match on an ambiguous ticket opens the popup, and says why where no popup opens', async () => {
    bg.fake.endSession(SEED_IDS.samDesktopInSession);
    await bg.configure();
    await identify('sam.lee@example.com');
    bg.openPopup.mockRejectedValueOnce(new Error('no window'));
    await fromTicket({ type: 'ticket/check-match' });
    const title = await fakeBrowser.action.getTitle({ tabId: 7 });
    expect(title).toContain(say('problemAmbiguous'));
  });

  it('check-match on a customer found only by name opens the popup to confirm, saying so', async () => {
    await bg.configure();
    await fromTicket({
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      ticketId: '123',
      identities: { name: 'Jane Doe' },
      visible: true,
    });
    bg.openPopup.mockRejectedValueOnce(new Error('no window'));
    await fromTicket({ type: 'ticket/check-match' });
    expect(bg.openPopup).toHaveBeenCalledOnce();
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toContain(say('problemPossibleMatch'));
  });

  it('check-match when nobody was found opens nothing: there is nothing to confirm', async () => {
    await bg.configure();
    await identify('nobody@example.com');
    await fromTicket({ type: 'ticket/check-match' });
    expect(bg.openPopup).not.toHaveBeenCalled();
  });

  it('check-match on a clear match opens nothing', async () => {
    await bg.configure();
    await identify('jane.doe@example.com');
    await fromTicket({ type: 'ticket/check-match' });
    expect(bg.openPopup).not.toHaveBeenCalled();
  });

  it('open-settings opens nothing on a tab that shows no ticket', async () => {
    await bg.configure();
    const open = vi.fn(async () => undefined);
    (fakeBrowser.runtime as unknown as Record<string, unknown>).openOptionsPage = open;
    expect(await fromTicket({ type: 'ticket/open-settings' })).toEqual({ ok: true, data: null });
    expect(open).not.toHaveBeenCalled();
  });
});

describe('the popup’s view of a tab (tab/state)', () => {
  it('answers for a tab without a ticket, with what stops co-browsing', async () => {
    await bg.configure({ permissionsPreset: 'guide', allowConsole: true });
    expect(await fromPopup({ type: 'tab/state', tabId: 42, refresh: false })).toMatchObject({
      ok: true,
      data: {
        state: null,
        setup: {
          key: { present: true },
          agentMissing: false,
          session: { permissionsPreset: 'guide', allowConsole: true },
        },
      },
    });
  });

  it('with refresh, looks again and tells the tab’s badge', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify('jane.doe@example.com');
    const first = await nonceOf();
    bg.fake.updateVisitor(SEED_IDS.jane, { is_online: false });
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    const reply = await fromPopup({ type: 'tab/state', tabId: 7, refresh: true });
    expect(reply).toMatchObject({ ok: true, data: { state: { view: { state: 'offline' } } } });
    expect(searches()).toHaveLength(2);
    expect(pushedTo(7)).toEqual([expect.objectContaining({ state: 'offline' })]);
    // The badge changed: a start from the old one is no longer accepted.
    expect(await nonceOf()).not.toBe(first);
  });

  it('without refresh, reads what is known and tells the badge nothing', async () => {
    await bg.configure();
    await identify('jane.doe@example.com');
    await fromPopup({ type: 'tab/state', tabId: 7, refresh: false });
    expect(searches()).toHaveLength(1);
    expect(pushedTo(7)).toEqual([]);
  });
});

describe('the popup’s search (visitors/search)', () => {
  const search = (query: string) => fromPopup({ type: 'visitors/search', query });

  it('refuses an empty or blank search without calling Upscope', async () => {
    await bg.configure();
    for (const query of ['', '   ']) {
      expect(await search(query)).toMatchObject({
        ok: false,
        error: { kind: 'empty_search', message: say('problemEmptySearch') },
      });
    }
    expect(bg.fake.requests).toHaveLength(0);
  });

  it('sends the search without the spaces around it', async () => {
    await bg.configure();
    await search('  jane.doe@example.com  ');
    expect(searches()).toEqual([
      expect.objectContaining({ query: { search: 'jane.doe@example.com' } }),
    ]);
  });

  it('answers the visitors ranked, each with its candidate, found by the search', async () => {
    await bg.configure();
    const reply = await search('sam.lee@example.com');
    const data = (
      reply as {
        data: {
          visitors: { short_id: string }[];
          candidates: { shortId: string; matchedBy: unknown }[];
          ambiguous: boolean;
          tied: number;
        };
      }
    ).data;
    const ranked = [SEED_IDS.samMobile, SEED_IDS.samDesktopInSession, SEED_IDS.samDesktopOffline];
    expect(data.visitors.map((v) => v.short_id)).toEqual(ranked);
    expect(data.candidates.map((c) => c.shortId)).toEqual(ranked);
    expect(data.candidates.every((c) => (c.matchedBy as { kind: string }).kind === 'search')).toBe(
      true,
    );
    expect(data).toMatchObject({ ambiguous: false, tied: 0 });
  });
});

describe('a visitor’s details and forgetting a visitor', () => {
  it('asks for the history only when the popup wants it', async () => {
    await bg.configure();
    expect(
      await fromPopup({ type: 'visitor/details', shortId: SEED_IDS.jane, withHistory: true }),
    ).toMatchObject({ ok: true, data: { short_id: SEED_IDS.jane } });
    await fromPopup({ type: 'visitor/details', shortId: SEED_IDS.jane, withHistory: false });
    expect(bg.apiCalls().map((c) => c.query)).toEqual([{ with_history: 'true' }, {}]);
  });

  it('deletes the visitor at Upscope and refreshes only the tabs that showed them', async () => {
    await bg.configure();
    await identify('jane.doe@example.com', 7);
    await identify('tom.baker@example.com', 8);
    expect(await fromPopup({ type: 'visitor/forget', shortId: SEED_IDS.jane })).toEqual({
      ok: true,
      data: null,
    });
    expect(bg.apiCalls()).toContainEqual(
      expect.objectContaining({ method: 'DELETE', path: expect.stringContaining(SEED_IDS.jane) }),
    );
    // Asked again, not answered from the cache: Jane is gone.
    expect(pushedTo(7)).toEqual([expect.objectContaining({ state: 'not_found' })]);
    expect(pushedTo(8)).toEqual([]);
    expect((await getTabState(8))!.visitors[0]!.short_id).toBe(SEED_IDS.tom);
  });
  it('forgetting one of a customer’s devices refreshes the tab that shows their others too', async () => {
    await bg.configure();
    await identify('sam.lee@example.com', 7);
    await fromPopup({ type: 'visitor/forget', shortId: SEED_IDS.samDesktopOffline });
    expect(pushedTo(7)).toHaveLength(1);
    expect((await getTabState(7))!.visitors.map((v) => v.short_id)).not.toContain(
      SEED_IDS.samDesktopOffline,
    );
  });
});

describe('saving settings', () => {
  it('moving to another endpoint looks every open ticket up again there', async () => {
    await bg.configure();
    await identify('jane.doe@example.com', 7);
    const before = searches().length;
    const moved = bg.server.baseUrl.replace('127.0.0.1', 'localhost');
    const reply = await fromPopup({
      type: 'settings/save',
      patch: { apiBaseUrl: moved },
      apiKey: SENTINEL_KEY,
    });
    expect(reply).toMatchObject({ ok: true, data: { settings: { apiBaseUrl: moved } } });
    expect(searches().length).toBe(before + 1);
    expect(pushedTo(7)).toEqual([expect.objectContaining({ state: 'online' })]);
  });

  it('moving to another endpoint without a key drops the old one: open tickets ask for setup', async () => {
    await bg.configure();
    await identify('jane.doe@example.com', 7);
    const moved = bg.server.baseUrl.replace('127.0.0.1', 'localhost');
    expect(await fromPopup({ type: 'settings/save', patch: { apiBaseUrl: moved } })).toMatchObject({
      ok: true,
      data: { key: { present: false } },
    });
    expect(pushedTo(7)).toEqual([expect.objectContaining({ state: 'not_configured' })]);
    expect(searches()).toHaveLength(1);
  });

  it('a new key for the same endpoint looks every open ticket up again', async () => {
    await bg.configure();
    await identify('jane.doe@example.com', 7);
    const reply = await fromPopup({ type: 'settings/save', patch: {}, apiKey: 'other-key' });
    expect(reply).toMatchObject({ ok: true, data: { keyCheck: { outcome: 'valid' } } });
    expect(searches()).toHaveLength(2);
    expect(bg.fake.requests.at(-1)?.headers['x-api-key']).toBe('other-key');
    expect(pushedTo(7)).toEqual([expect.objectContaining({ state: 'online' })]);
  });

  it('a change that touches neither endpoint, key nor helpdesks leaves the badges alone', async () => {
    await bg.configure();
    await identify('jane.doe@example.com', 7);
    expect(
      await fromPopup({ type: 'settings/save', patch: { agentName: 'Ana Silva' } }),
    ).toMatchObject({ ok: true, data: { keyCheck: null } });
    expect(searches()).toHaveLength(1);
    expect(pushedTo(7)).toEqual([]);
  });

  it('turning a helpdesk off tells its open tickets at once, and on again looks them up', async () => {
    await bg.configure();
    await identify('jane.doe@example.com', 7);
    await fromPopup({ type: 'settings/save', patch: { disabledHelpdesks: ['zendesk'] } });
    expect(pushedTo(7)).toEqual([expect.objectContaining({ state: 'disabled' })]);
    await fromPopup({ type: 'settings/save', patch: { disabledHelpdesks: [] } });
    expect(pushedTo(7).map((v) => v.state)).toEqual(['disabled', 'online']);
  });
});

describe('watching a customer', () => {
  it('keeps the presence alarm while someone is watched, with no ticket in view, and stops it after', async () => {
    await bg.configure({ notifyWaiting: false });
    await identify('tom.baker@example.com', 7);
    await fromTicket({ type: 'ticket/visibility', visible: false }, 7);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();

    const added = await fromPopup({ type: 'watch/add', tabId: 7, shortId: SEED_IDS.tom });
    expect(added).toMatchObject({ ok: true });
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeDefined();
    const listed = (await fromPopup({ type: 'watch/list' })) as {
      data: { entries: { id: string }[] };
    };
    expect(listed.data.entries).toHaveLength(1);

    const removed = await fromPopup({ type: 'watch/remove', id: listed.data.entries[0]!.id });
    expect(removed).toMatchObject({ ok: true, data: { entries: [] } });
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });
});

describe('the organisation’s policy', () => {
  const POLICY_KEY = 'POLICY-KEY-8d41aa';
  const origin = () => new URL(bg.server.baseUrl).origin;

  beforeEach(() => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    bg.fake.setKey(POLICY_KEY, 'ok');
    Object.assign(fakeBrowser, {
      scripting: {
        getRegisteredContentScripts: vi.fn(async () => []),
        registerContentScripts: vi.fn(async () => undefined),
        unregisterContentScripts: vi.fn(async () => undefined),
      },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function setPolicy(managed: Record<string, unknown>) {
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set(managed);
  }
  const applyStored = async (changed: boolean) =>
    applyPolicy(readPolicy(await fakeBrowser.storage.managed.get()), { changed });

  it('at start-up takes the policy’s key, and open tickets are looked up with it', async () => {
    await bg.configure({}, null);
    await identify('jane.doe@example.com', 7);
    expect(searches()).toHaveLength(0);
    await setPolicy({ ApiEndpoint: bg.server.baseUrl, ApiKey: POLICY_KEY });
    await applyPolicyAtStart();
    expect(await readApiKey(origin())).toBe(POLICY_KEY);
    expect(pushedTo(7)).toEqual([expect.objectContaining({ state: 'online' })]);
    expect(bg.fake.requests.at(-1)?.headers['x-api-key']).toBe(POLICY_KEY);
  });

  it('the same policy applied again leaves the badges alone; a changed one looks again', async () => {
    await bg.configure({}, null);
    await setPolicy({ ApiEndpoint: bg.server.baseUrl, ApiKey: POLICY_KEY });
    await applyStored(false);
    await identify('jane.doe@example.com', 7);
    await applyStored(false);
    expect(pushedTo(7)).toEqual([]);
    expect(searches()).toHaveLength(1);
    // A new helpdesk list, say: what was shown under the old policy is looked at again.
    await applyStored(true);
    expect(pushedTo(7)).toEqual([expect.objectContaining({ state: 'online' })]);
    expect(searches()).toHaveLength(2);
  });

  it('a worker restarting under the policy it already applied looks nothing up again', async () => {
    await bg.configure({}, null);
    await setPolicy({ ApiEndpoint: bg.server.baseUrl, ApiKey: POLICY_KEY });
    await applyStored(false);
    await identify('jane.doe@example.com', 7);
    await applyPolicyAtStart();
    expect(pushedTo(7)).toEqual([]);
    expect(searches()).toHaveLength(1);
  });

  it('makes the toolbar open the side panel when the policy says so', async () => {
    await bg.configure();
    const setPanelBehavior = vi.fn(async () => undefined);
    vi.stubGlobal('chrome', { sidePanel: { setPanelBehavior } });
    await setPolicy({ ToolbarOpens: 'panel' });
    await applyStored(false);
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
  });

  it('a managed key refuses a new key in settings, saying why, yet other settings save', async () => {
    await bg.configure({}, null);
    await setPolicy({ ApiEndpoint: bg.server.baseUrl, ApiKey: POLICY_KEY });
    await applyStored(false);
    expect(
      await fromPopup({ type: 'settings/save', patch: {}, apiKey: SENTINEL_KEY }),
    ).toMatchObject({ ok: false, error: { kind: 'managed', message: say('problemManagedKey') } });
    expect(
      await fromPopup({ type: 'settings/save', patch: { agentName: 'Ana Silva' } }),
    ).toMatchObject({ ok: true, data: { settings: { agentName: 'Ana Silva' } } });
    expect(await readApiKey(origin())).toBe(POLICY_KEY);
  });
});
