import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trustedWatchUrl } from '../../../src/background/cobrowse';
import { onStartShortcut } from '../../../src/background/commands';
import { DEFAULT_API_BASE_URL } from '../../../src/shared/endpoint';
import { routeMessage } from '../../../src/background/router';
import { getTabState } from '../../../src/background/tab-state';
import english from '../../../public/_locales/en/messages.json';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, ticketSender, useBackground } from './harness';

const bg = useBackground();

const posts = () => bg.fake.requests.filter((r) => r.method === 'POST');
const start = (shortId: string, tabId?: number) =>
  routeMessage(
    { type: 'cobrowse/start', shortId, ...(tabId ? { tabId } : {}) },
    popupSender,
    policy,
  );

/** Opens a ticket for this customer in the tab; the nonce its badge view was issued with. */
async function onTicket(email: string, tabId = 1): Promise<string> {
  const reply = await routeMessage(
    { type: 'ticket/identify', helpdesk: 'zendesk', identities: { email }, visible: true },
    ticketSender(tabId),
    policy,
  );
  return (reply as { data: { nonce: string } }).data.nonce;
}

const fromBadge = (nonce: string | undefined, tabId = 1) =>
  routeMessage(
    { type: 'ticket/start-cobrowse', ...(nonce === undefined ? {} : { nonce }) },
    ticketSender(tabId),
    policy,
  );

describe('starting co-browsing', () => {
  it('posts the agent and branding from settings and opens the session beside the ticket', async () => {
    await bg.configure({
      branding: { naked: true, noBottomBar: true, retryUrl: 'https://help.acme.com/retry' },
    });
    const reply = await start(SEED_IDS.jane, 1);
    expect(reply).toMatchObject({ ok: true, data: { opened: 'tab' } });
    expect(bg.fake.watchSessions[0]?.body).toEqual({
      agent: { id: 'agent-7', name: 'Joe Smith' },
      branding: { naked: true, no_bottom_bar: true, retry_url: 'https://help.acme.com/retry' },
    });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.at(-1)?.url).toBe(bg.fake.watchSessions[0]?.watchUrl);
  });

  it('opens in a new window or the current tab when the settings say so', async () => {
    await bg.configure({ openIn: 'current' });
    expect(await start(SEED_IDS.jane, 1)).toMatchObject({ data: { opened: 'current' } });
    expect((await fakeBrowser.tabs.get(1))?.url).toBe(bg.fake.watchSessions[0]?.watchUrl);
  });

  it('a double click posts once', async () => {
    await bg.configure();
    const [a, b] = await Promise.all([start(SEED_IDS.jane, 1), start(SEED_IDS.jane, 1)]);
    expect(a).toEqual(b);
    expect(posts()).toHaveLength(1);
  });

  it('a repeated start soon after focuses the session already open instead of posting again', async () => {
    await bg.configure();
    await start(SEED_IDS.jane, 1);
    expect(await start(SEED_IDS.jane, 1)).toMatchObject({ ok: true, data: { opened: 'focused' } });
    expect(posts()).toHaveLength(1);
  });

  it('refuses without an agent name, naming what is missing, and posts nothing', async () => {
    await bg.configure({ agentName: '' });
    expect(await start(SEED_IDS.jane, 1)).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'no_agent',
        message: expect.stringMatching(/agent name/),
      }),
    });
    expect(posts()).toHaveLength(0);
  });

  it.each([
    ['a visitor who has left (404)', () => undefined, SEED_IDS.tom, 'visitor_gone'],
    [
      'a plan over its limits (402)',
      (b: typeof bg) => b.fake.setKey('SENTINEL-KEY-5e1f0c2a9b', 'over_plan_limits'),
      SEED_IDS.jane,
      'over_plan_limits',
    ],
    [
      'a revoked key (401)',
      (b: typeof bg) => b.fake.revokeKey('SENTINEL-KEY-5e1f0c2a9b'),
      SEED_IDS.jane,
      'invalid_api_key',
    ],
    [
      'a dropped connection',
      (b: typeof bg) => b.fake.injectFault({ drop: true }),
      SEED_IDS.jane,
      'network',
    ],
  ])('explains %s and can be tried again', async (_name, arrange, shortId, kind) => {
    await bg.configure();
    arrange(bg);
    const reply = await start(shortId, 1);
    expect(reply).toMatchObject({ ok: false, error: { kind } });
    expect((reply as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
    expect(posts()).toHaveLength(1);
  });

  it('starts from the badge with the tab’s best visitor', async () => {
    await bg.configure();
    const reply = await fromBadge(await onTicket('maria.garcia@example.com'));
    // The badge shows the worker's words for what happened.
    expect(reply).toEqual({
      ok: true,
      data: { opened: 'tab', said: 'Co-browsing opened in a new tab.' },
    });
    expect(bg.fake.watchSessions[0]?.shortId).toBe(SEED_IDS.maria);
  });

  it('refuses from the badge when the customer is offline, saying why', async () => {
    await bg.configure();
    const reply = await fromBadge(await onTicket('tom.baker@example.com'));
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/last seen/) },
    });
    expect(posts()).toHaveLength(0);
  });
});

describe('a start from the badge names the view the agent saw', () => {
  it('refuses a missing, forged or replaced view, and another tab’s, starting nothing', async () => {
    await bg.configure();
    const first = await onTicket('jane.doe@example.com');
    expect(first).toMatch(/^[\w-]{16,64}$/);
    const other = await onTicket('maria.garcia@example.com', 2);
    const second = await onTicket('maria.garcia@example.com');
    expect(second).not.toBe(first);
    for (const nonce of [undefined, '', 'forged', first, other, 'x'.repeat(65)]) {
      expect(await fromBadge(nonce)).toMatchObject({ ok: false });
    }
    expect(bg.fake.watchSessions).toHaveLength(0);
    expect(await fromBadge(second)).toMatchObject({ ok: true, data: { opened: 'tab' } });
    expect(bg.fake.watchSessions).toHaveLength(1);
  });

  it('keeps the nonce while the view reads the same, so a refresh does not void a click', async () => {
    await bg.configure();
    const nonce = await onTicket('jane.doe@example.com');
    expect(await onTicket('jane.doe@example.com')).toBe(nonce);
  });

  it('says why it refused a view since replaced', async () => {
    await bg.configure();
    await onTicket('jane.doe@example.com');
    expect(await fromBadge('old')).toMatchObject({
      ok: false,
      error: { kind: 'stale_view', message: expect.stringMatching(/out of date/) },
    });
  });
});

describe('where a watch URL may lead', () => {
  const opened = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

  it.each([
    ['another site', 'https://evil.example', 'untrusted_watch_url', /was not opened/],
    ['a look-alike host', 'https://upscope.io.evil.example', 'untrusted_watch_url', /not opened/],
    // The API client already refuses anything but an absolute http(s) URL as malformed.
    ['a script', 'javascript:alert(document.domain)//', 'unexpected_response', /cannot read/],
    ['plain http on an Upscope host', 'http://o.upscope.io', 'untrusted_watch_url', /not opened/],
  ])('refuses %s with a clear message and opens no tab', async (_what, origin, kind, words) => {
    await bg.configure();
    const before = await opened();
    const watchOrigin = bg.fake.watchOrigin;
    bg.fake.watchOrigin = origin;
    try {
      const reply = await start(SEED_IDS.jane, 1);
      expect(reply).toEqual({
        ok: false,
        error: expect.objectContaining({
          kind,
          message: expect.stringMatching(words),
        }),
      });
    } finally {
      bg.fake.watchOrigin = watchOrigin;
    }
    expect(await opened()).toEqual(before);
  });

  it('opens Upscope and UserView hosts and the configured API’s own site', async () => {
    expect(trustedWatchUrl('https://o.upscope.io/?s=1', DEFAULT_API_BASE_URL)).not.toBeNull();
    expect(trustedWatchUrl('https://upscope.com/w', DEFAULT_API_BASE_URL)).not.toBeNull();
    expect(trustedWatchUrl('https://app.userview.io/w', DEFAULT_API_BASE_URL)).not.toBeNull();
    const onPrem = 'https://api.cobrowse.acme.co.uk/v1.1';
    expect(trustedWatchUrl('https://watch.acme.co.uk/w', onPrem)).not.toBeNull();
    expect(trustedWatchUrl('https://watch.other.co.uk/w', onPrem)).toBeNull();
    expect(trustedWatchUrl('https://evil.example/x', onPrem)).toBeNull();
    expect(trustedWatchUrl('javascript:alert(1)', onPrem)).toBeNull();
    expect(trustedWatchUrl('https://user:pw@o.upscope.io/', DEFAULT_API_BASE_URL)).toBeNull();
    expect(trustedWatchUrl('http://127.0.0.1:9/w', 'http://127.0.0.1:8/v1.1')).not.toBeNull();
    expect(trustedWatchUrl('http://127.0.0.1:9/w', DEFAULT_API_BASE_URL)).toBeNull();
  });
});

describe('the keyboard shortcut', () => {
  it('starts with the known best visitor in exactly one API round trip', async () => {
    await bg.configure();
    await onTicket('jane.doe@example.com');
    const before = bg.fake.requests.length;
    await onStartShortcut(await fakeBrowser.tabs.get(1));
    expect(bg.fake.requests.slice(before).map((r) => r.method)).toEqual(['POST']);
    expect(bg.openPopup).not.toHaveBeenCalled();
  });

  it('opens the popup instead of guessing when there is no customer on the tab', async () => {
    await bg.configure();
    await onStartShortcut(await fakeBrowser.tabs.get(1));
    expect(bg.openPopup).toHaveBeenCalledOnce();
    expect(posts()).toHaveLength(0);
  });

  it('opens the popup when two devices are equally available', async () => {
    await bg.configure();
    bg.fake.updateVisitor(SEED_IDS.samDesktopInSession, { is_in_session: false });
    await onTicket('sam.lee@example.com');
    await onStartShortcut(await fakeBrowser.tabs.get(1));
    expect(bg.openPopup).toHaveBeenCalledOnce();
    expect(posts()).toHaveLength(0);
  });

  it('says on the toolbar why when the popup cannot open', async () => {
    await bg.configure();
    bg.openPopup.mockRejectedValue(new Error('no window'));
    const setTitle = vi.spyOn(fakeBrowser.action, 'setTitle');
    await onTicket('tom.baker@example.com');
    await onStartShortcut(await fakeBrowser.tabs.get(1));
    expect(setTitle).toHaveBeenLastCalledWith(
      expect.objectContaining({ tabId: 1, title: expect.stringMatching(/not on your website/) }),
    );
  });
});

describe('where the session opens', () => {
  /** Chrome's windows.create: a new window holding one tab with the URL, reported back. */
  function windowsOpenWithTheirTab() {
    const create = fakeBrowser.windows.create.bind(fakeBrowser.windows);
    return vi
      .spyOn(fakeBrowser.windows, 'create')
      .mockImplementation(async (data?: { url?: string | string[] }) => {
        const window = await create(data);
        const url = Array.isArray(data?.url) ? data.url[0] : data?.url;
        const tab = await fakeBrowser.tabs.create({ url, windowId: window!.id, active: true });
        return { ...window, tabs: [tab] };
      });
  }

  it('a new focused window when the settings say so, and a repeat focuses its tab', async () => {
    await bg.configure({ openIn: 'window' });
    const create = windowsOpenWithTheirTab();
    const reply = await start(SEED_IDS.jane, 1);
    const watchUrl = bg.fake.watchSessions[0]?.watchUrl;
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: watchUrl,
      focused: true,
      type: 'normal',
    });
    const opened = (await fakeBrowser.tabs.query({})).find((tab) => tab.url === watchUrl);
    expect(reply).toEqual({ ok: true, data: { opened: 'window', tabId: opened?.id } });
    // The ticket's tab is left as it was.
    expect((await fakeBrowser.tabs.get(1))?.url).toBe('https://acme.zendesk.com/agent/tickets/123');

    await fakeBrowser.tabs.update(1, { active: true });
    expect(await start(SEED_IDS.jane, 1)).toEqual({
      ok: true,
      data: { opened: 'focused', tabId: opened?.id },
    });
    expect((await fakeBrowser.tabs.get(opened!.id!))?.active).toBe(true);
    expect(posts()).toHaveLength(1);
  });

  it('a window whose tab the browser does not report still counts as opened', async () => {
    await bg.configure({ openIn: 'window' });
    vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({
      id: 5,
      focused: true,
      incognito: false,
      alwaysOnTop: false,
    } as never);
    expect(await start(SEED_IDS.jane, 1)).toEqual({
      ok: true,
      data: { opened: 'window', tabId: null },
    });
  });

  it('the ticket’s own tab, made active, when the settings say "current"', async () => {
    await bg.configure({ openIn: 'current' });
    expect(await start(SEED_IDS.jane, 1)).toEqual({
      ok: true,
      data: { opened: 'current', tabId: 1 },
    });
    const ticketTab = await fakeBrowser.tabs.get(1);
    expect(ticketTab?.url).toBe(bg.fake.watchSessions[0]?.watchUrl);
    expect(ticketTab?.active).toBe(true);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(2);
  });

  it('a new tab when "current" has no tab to replace (a start from the popup’s search)', async () => {
    await bg.configure({ openIn: 'current' });
    expect(await start(SEED_IDS.jane)).toMatchObject({ ok: true, data: { opened: 'tab' } });
    expect((await fakeBrowser.tabs.get(1))?.url).toBe('https://acme.zendesk.com/agent/tickets/123');
  });

  it('by default a new active tab right after the ticket, in its window, opened from it', async () => {
    await bg.configure({ openIn: 'tab' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const ticket = (await fakeBrowser.tabs.get(1))!;
    const reply = await start(SEED_IDS.jane, 1);
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: bg.fake.watchSessions[0]?.watchUrl,
      active: true,
      index: ticket.index + 1,
      windowId: ticket.windowId,
      openerTabId: 1,
    });
    const opened = await create.mock.results[0]?.value;
    expect(reply).toEqual({ ok: true, data: { opened: 'tab', tabId: opened.id } });
    expect((await fakeBrowser.tabs.get(1))?.url).toBe('https://acme.zendesk.com/agent/tickets/123');
  });

  it('a new active tab where the browser puts it when started without a ticket tab', async () => {
    await bg.configure({ openIn: 'tab' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await start(SEED_IDS.jane);
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: bg.fake.watchSessions[0]?.watchUrl,
      active: true,
    });
  });
});

describe('starting again soon after', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('within 10 seconds focuses the session’s tab and its window; from then on posts anew', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.parse('2026-03-02T10:00:00Z');
    vi.setSystemTime(t0);
    await bg.configure();
    const first = await start(SEED_IDS.jane, 1);
    const sessionTab = (first as { data: { tabId: number } }).data.tabId;
    await fakeBrowser.tabs.update(1, { active: true });
    const focusWindow = vi.spyOn(fakeBrowser.windows, 'update');

    vi.setSystemTime(t0 + 9_999);
    expect(await start(SEED_IDS.jane, 1)).toEqual({
      ok: true,
      data: { opened: 'focused', tabId: sessionTab },
    });
    expect((await fakeBrowser.tabs.get(sessionTab))?.active).toBe(true);
    const { windowId } = (await fakeBrowser.tabs.get(sessionTab))!;
    expect(focusWindow).toHaveBeenCalledExactlyOnceWith(windowId, { focused: true });
    expect(posts()).toHaveLength(1);

    vi.setSystemTime(t0 + 10_000);
    expect(await start(SEED_IDS.jane, 1)).toMatchObject({ ok: true, data: { opened: 'tab' } });
    expect(posts()).toHaveLength(2);
  });

  it('starts a new session when the first one’s tab was closed', async () => {
    await bg.configure();
    const first = await start(SEED_IDS.jane, 1);
    const sessionTab = (first as { data: { tabId: number } }).data.tabId;
    vi.spyOn(fakeBrowser.tabs, 'update').mockRejectedValueOnce(
      new Error(`No tab with id: ${sessionTab}.`),
    );
    expect(await start(SEED_IDS.jane, 1)).toMatchObject({ ok: true, data: { opened: 'tab' } });
    expect(posts()).toHaveLength(2);
  });

  it('another visitor right after is started, not sent to the first one’s tab', async () => {
    await bg.configure();
    await start(SEED_IDS.jane, 1);
    expect(await start(SEED_IDS.maria, 1)).toMatchObject({ ok: true, data: { opened: 'tab' } });
    expect(bg.fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.jane, SEED_IDS.maria]);
  });

  it('a start left running by a stopped worker refuses another for 30 seconds, then is dropped', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.parse('2026-03-02T10:00:00Z');
    vi.setSystemTime(t0);
    await bg.configure();
    // The first start's POST is still under way when the worker is stopped.
    bg.fake.injectFault({ match: { method: 'POST' }, latencyMs: 600 });
    const first = start(SEED_IDS.jane, 1);
    // (vi.waitFor would move the faked clock on.)
    while (posts().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    vi.resetModules();
    const fresh = await import('../../../src/background/router');
    const words = await import('../../../src/wording/i18n');
    words.setFallbackMessages(english as Record<string, { message: string }>);
    const startAgain = () =>
      fresh.routeMessage({ type: 'cobrowse/start', shortId: SEED_IDS.jane }, popupSender, policy);

    vi.setSystemTime(t0 + 29_999);
    expect(await startAgain()).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'already_starting',
        message: 'Co-browsing with this visitor is already starting.',
      }),
    });
    expect(posts()).toHaveLength(1);

    vi.setSystemTime(t0 + 30_000);
    expect(await startAgain()).toMatchObject({ ok: true, data: { opened: 'tab' } });
    expect(posts()).toHaveLength(2);
    await first;
  });
});

describe('the ticket a start is filed under', () => {
  it('any of the visitors the ticket found, not only the first', async () => {
    await bg.configure();
    bg.fake.updateVisitor(SEED_IDS.samDesktopInSession, { is_in_session: false });
    await onTicket('sam.lee@example.com');
    const state = await getTabState(1);
    const second = state!.visitors[1]!.short_id;
    await routeMessage(
      { type: 'cobrowse/start', shortId: second, tabId: 1, from: 'ticket' },
      popupSender,
      policy,
    );
    expect(bg.fake.watchSessions.at(-1)).toMatchObject({
      shortId: second,
      metadata: { helpdesk: 'zendesk', ticket_url: 'https://acme.zendesk.com/agent/tickets/123' },
    });
  });
});

describe('the hosts a watch URL on the configured API’s site may have', () => {
  const trusted = (watch: string, api: string) => trustedWatchUrl(watch, api) !== null;

  it('is the same registrable domain, under a country code too', () => {
    expect(trusted('https://watch.acme.de/w', 'https://api.acme.de/v1.1')).toBe(true);
    expect(trusted('https://watch.costco.ca/w', 'https://api.costco.ca/v1.1')).toBe(true);
    expect(trusted('https://24x7.acme.com/w', 'https://api.acme.com/v1.1')).toBe(true);
    expect(trusted('https://acme.com/w', 'https://api.acme.com/v1.1')).toBe(true);
    expect(trusted('https://watch.acme.com.au/w', 'https://api.acme.com.au/v1.1')).toBe(true);
    expect(trusted('https://watch.evil.com.au/w', 'https://api.acme.com.au/v1.1')).toBe(false);
    expect(trusted('https://watch.evil.de/w', 'https://api.acme.de/v1.1')).toBe(false);
  });

  it('an IP address only itself, whatever its last numbers', () => {
    expect(trusted('https://10.0.0.5/w', 'https://10.0.0.5/v1.1')).toBe(true);
    expect(trusted('https://20.0.0.5/w', 'https://10.0.0.5/v1.1')).toBe(false);
    expect(trusted('https://10.0.0.5:8443/w', 'https://10.0.0.5/v1.1')).toBe(true);
  });

  it('plain http only on this machine and with an API on this machine over http', () => {
    expect(trusted('http://watch.acme.com/w', 'https://api.acme.com/v1.1')).toBe(false);
    expect(trusted('http://watch.acme.test/w', 'http://api.acme.test/v1.1')).toBe(false);
    expect(trusted('http://127.0.0.1:9/w', 'https://127.0.0.1/v1.1')).toBe(false);
    expect(trusted('http://localhost:9/w', 'http://localhost:8/v1.1')).toBe(true);
    expect(trusted('ws://127.0.0.1:9/w', 'http://127.0.0.1:8/v1.1')).toBe(false);
  });

  it('never carries a user name, nor is anything but a URL', () => {
    expect(trusted('https://agent@o.upscope.io/', DEFAULT_API_BASE_URL)).toBe(false);
    expect(trustedWatchUrl('not a url', DEFAULT_API_BASE_URL)).toBeNull();
    expect(trustedWatchUrl('https://o.upscope.io/w', 'not a url')).toBeNull();
  });
});
