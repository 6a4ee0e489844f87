import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { PRESENCE_ALARM, refreshVisibleTickets } from '../../../src/background/presence';
import { routeMessage } from '../../../src/background/router';
import { getTabState } from '../../../src/background/tab-state';
import { policy, ticketSender, useBackground } from './harness';

const bg = useBackground();

const identify = (visible: boolean, tabId = 1) =>
  routeMessage(
    {
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      identities: { email: 'jane.doe@example.com' },
      visible,
    },
    ticketSender(tabId),
    policy,
  );

describe('presence refresh', () => {
  it('runs an alarm at the freshness period while a ticket is visible, and none otherwise', async () => {
    await bg.configure({ freshnessSeconds: 120 });
    await identify(false);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
    await routeMessage({ type: 'ticket/visibility', visible: true }, ticketSender(1), policy);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toMatchObject({ periodInMinutes: 2 });
    await routeMessage({ type: 'ticket/visibility', visible: false }, ticketSender(1), policy);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });

  it('stops when the agent leaves the ticket', async () => {
    await bg.configure();
    await identify(true);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeDefined();
    await routeMessage({ type: 'ticket/left' }, ticketSender(1), policy);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });

  it('a ticket left while its lookup is under way stays forgotten', async () => {
    await bg.configure();
    bg.fake.injectFault({ match: { path: 'list.json' }, latencyMs: 200 });
    const looking = identify(true);
    await vi.waitFor(() => expect(bg.fake.requests).toHaveLength(1));
    await routeMessage({ type: 'ticket/left' }, ticketSender(1), policy);
    await looking;
    expect(await getTabState(1)).toBeNull();
  });

  it('on the alarm, looks again once stale and pushes the new state to the badge and toolbar', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify(true);
    bg.fake.updateVisitor('JD7K2P9Q', { is_online: false });
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    await refreshVisibleTickets();
    expect(bg.sentToTabs.at(-1)).toMatchObject({
      type: 'badge/update',
      view: { state: 'offline' },
    });
    // Only the ticket's own (top) frame has the badge: an iframe on the page hears nothing.
    expect(bg.sentToEveryFrame).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('OFF');
    expect(bg.fake.requests.filter((r) => r.path.endsWith('list.json'))).toHaveLength(2);
  });

  it('a refresh asked for after an outage ended is not answered by a search sent during it', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify(true);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    const searches = () => bg.fake.requests.filter((r) => r.path.endsWith('list.json'));
    // The agent comes back to the tab while Upscope is failing; the failure takes a moment.
    bg.fake.injectFault({ match: { path: 'list.json' }, malformed: true, latencyMs: 300 });
    const during = routeMessage(
      { type: 'ticket/visibility', visible: true },
      ticketSender(1),
      policy,
    );
    await vi.waitFor(() => expect(searches()).toHaveLength(2));
    // The outage is over (the fault was for one request) when the alarm comes round.
    await refreshVisibleTickets();
    await during;
    expect(searches()).toHaveLength(3);
    expect(bg.sentToTabs.at(-1)).toMatchObject({ type: 'badge/update', view: { state: 'online' } });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('ON');
  });

  it('a refresh due sooner than the period is not pushed back by a ticket that reports in', async () => {
    await bg.configure({ freshnessSeconds: 120 });
    await identify(true);
    const soon = Date.now() + 1_000;
    await fakeBrowser.alarms.create(PRESENCE_ALARM, { when: soon });
    await identify(true, 2);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toMatchObject({ scheduledTime: soon });
    // Once it has run (and is gone), the period comes back.
    await fakeBrowser.alarms.clear(PRESENCE_ALARM);
    await refreshVisibleTickets();
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toMatchObject({ periodInMinutes: 2 });
  });

  it('does not look again for hidden tickets, nor before the freshness window ends', async () => {
    await bg.configure({ freshnessSeconds: 300 });
    await identify(true, 1);
    await refreshVisibleTickets();
    expect(bg.fake.requests).toHaveLength(1);
    await routeMessage({ type: 'ticket/visibility', visible: false }, ticketSender(1), policy);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 301_000);
    await refreshVisibleTickets();
    expect(bg.fake.requests).toHaveLength(1);
  });
});

describe('toolbar badge', () => {
  it.each([
    ['jane.doe@example.com', 'ON', /is on your website now/],
    ['maria.garcia@example.com', 'CALL', /waiting for a call/],
    ['priya.patel@example.com', 'LIVE', /already in a co-browsing session/],
    ['tom.baker@example.com', 'OFF', /not on your website; last seen 3h ago/],
    ['nobody@example.com', 'NONE', /No Upscope visitor matches/],
  ])('shows %s as %s with a tooltip in words', async (email, text, title) => {
    await bg.configure();
    await routeMessage(
      { type: 'ticket/identify', helpdesk: 'zendesk', identities: { email }, visible: true },
      ticketSender(1),
      policy,
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe(text);
    expect(await fakeBrowser.action.getTitle({ tabId: 1 })).toMatch(title);
  });
});

describe('the presence alarm’s schedule and closed tabs', () => {
  it('a changed freshness setting changes the period at the next report', async () => {
    await bg.configure({ freshnessSeconds: 120 });
    await identify(true);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toMatchObject({ periodInMinutes: 2 });
    await bg.configure({ freshnessSeconds: 300 });
    await identify(true, 2);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toMatchObject({ periodInMinutes: 5 });
  });

  it('a ticket that reports in does not push back the periodic refresh', async () => {
    await bg.configure({ freshnessSeconds: 120 });
    await identify(true);
    const first = await fakeBrowser.alarms.get(PRESENCE_ALARM);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 30_000);
    await identify(true, 2);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toMatchObject({
      scheduledTime: first!.scheduledTime,
    });
  });

  it('a one-off refresh due exactly a period from now is kept', async () => {
    await bg.configure({ freshnessSeconds: 120 });
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now);
    await fakeBrowser.alarms.create(PRESENCE_ALARM, { when: now + 2 * 60_000 });
    await identify(true);
    expect((await fakeBrowser.alarms.get(PRESENCE_ALARM))?.periodInMinutes).toBeUndefined();
  });

  it('a one-off refresh due later than a period is replaced by the period', async () => {
    await bg.configure({ freshnessSeconds: 120 });
    await fakeBrowser.alarms.create(PRESENCE_ALARM, { when: Date.now() + 10 * 60_000 });
    await identify(true);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toMatchObject({ periodInMinutes: 2 });
  });

  it('a ticket on a helpdesk the agent turned off keeps no alarm running', async () => {
    await bg.configure({ disabledHelpdesks: ['zendesk'] });
    await identify(true);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });

  it('a tab closed without a word is forgotten on the alarm, and its customer not looked up', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify(true, 42);
    expect(await getTabState(42)).not.toBeNull();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    // Chrome's answer for a tab that is gone (the in-memory browser answers undefined).
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 42.'));
    const before = bg.fake.requests.length;
    await refreshVisibleTickets();
    expect(await getTabState(42)).toBeNull();
    expect(bg.fake.requests.length).toBe(before);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });
});
