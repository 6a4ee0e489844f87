import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { trustedWatchUrl } from '../../../src/background/cobrowse';
import { onStartShortcut } from '../../../src/background/commands';
import { DEFAULT_API_BASE_URL } from '../../../src/shared/endpoint';
import { routeMessage } from '../../../src/background/router';
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
