import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { PRESENCE_ALARM, refreshVisibleTickets } from '../../../src/background/presence';
import { routeMessage } from '../../../src/background/router';
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
