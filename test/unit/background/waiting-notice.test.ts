import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESENCE_ALARM, refreshVisibleTickets } from '../../../src/background/presence';
import { routeMessage } from '../../../src/background/router';
import { onWaitingButton, onWaitingClicked } from '../../../src/background/waiting-notice';
import type { Identities } from '../../../src/shared/identities';
import { SEED_IDS } from '../../fake-upscope';
import { policy, ticketSender, useBackground } from './harness';

const bg = useBackground();

/** A ticket in a tab the agent is not looking at, as the content script leaves it. */
async function openTicket(identities: Identities, ticketId = '123'): Promise<number> {
  const url = `https://acme.zendesk.com/agent/tickets/${ticketId}`;
  const tab = await fakeBrowser.tabs.create({ url, active: false });
  await routeMessage(
    { type: 'ticket/identify', helpdesk: 'zendesk', ticketId, identities, visible: false },
    { ...ticketSender(tab.id!), url },
    policy,
  );
  return tab.id!;
}

const created = () =>
  (
    fakeBrowser.notifications as unknown as {
      getAllCreateOptions(): Record<
        string,
        { title: string; message: string; buttons?: { title: string }[] }
      >;
    }
  ).getAllCreateOptions();
const searches = () => bg.fake.requests.filter((r) => r.path.endsWith('/list.json')).length;

/** The next presence period, past the freshness window. */
async function nextPeriod(): Promise<void> {
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + 61_000);
  await refreshVisibleTickets();
}

afterEach(() => vi.restoreAllMocks());

describe('a ticket’s customer asking for a call', () => {
  it('off (the default): a ticket in a background tab is not looked up again, and nothing is said', async () => {
    await bg.configure();
    await openTicket({ email: 'jane.doe@example.com' });
    const before = searches();
    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    expect(searches()).toBe(before);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });

  it('on: one notice when they start waiting, with Start and the ticket; again only after they stop', async () => {
    await bg.configure({ notifyWaiting: true });
    const tabId = await openTicket({ email: 'jane.doe@example.com' });
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeDefined();
    await nextPeriod();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    const id = `waiting:${tabId}`;
    expect(created()[id]).toMatchObject({
      title: 'Jane Doe is asking for a call',
      buttons: [{ title: 'Start co-browsing' }, { title: 'Open ticket' }],
    });
    await fakeBrowser.notifications.clear(id);
    await nextPeriod();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: false });
    await nextPeriod();
    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([id]);
  });

  it('its Start button starts co-browsing with that customer beside the ticket', async () => {
    await bg.configure({ notifyWaiting: true });
    const tabId = await openTicket({ email: 'jane.doe@example.com' });
    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    expect(await onWaitingButton(`waiting:${tabId}`, 0)).toBe(true);
    await vi.waitFor(() => expect(bg.fake.watchSessions).toHaveLength(1));
    expect(bg.fake.watchSessions[0]?.shortId).toBe(SEED_IDS.jane);
  });

  it('a customer found only by name gets no Start button: the ticket is the way in', async () => {
    await bg.configure({ notifyWaiting: true });
    const tabId = await openTicket({ name: 'Jane Doe' });
    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    expect(created()[`waiting:${tabId}`]?.buttons).toEqual([{ title: 'Open ticket' }]);
    expect(await onWaitingButton(`waiting:${tabId}`, 0)).toBe(true);
    expect(bg.fake.watchSessions).toHaveLength(0);
    expect((await fakeBrowser.tabs.get(tabId)).active).toBe(true);
  });

  it('notices of its own only: a watched customer’s notice is left to the watch list', async () => {
    expect(await onWaitingClicked('watch:JD7K2P9Q')).toBe(false);
    expect(await onWaitingButton('watch:JD7K2P9Q', 0)).toBe(false);
  });
});

describe('acting on the notice of a customer asking for a call', () => {
  it('names the ticket; its Open ticket button shows the tab and brings its window to the front, starting nothing', async () => {
    await bg.configure({ notifyWaiting: true });
    const tabId = await openTicket({ email: 'jane.doe@example.com' }, '321');
    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    const id = `waiting:${tabId}`;
    expect(created()[id]?.message).toBe('Zendesk ticket #321');
    const focus = vi.spyOn(fakeBrowser.windows, 'update');
    expect(await onWaitingButton(id, 1)).toBe(true);
    expect((await fakeBrowser.tabs.get(tabId)).active).toBe(true);
    expect(focus).toHaveBeenCalledWith((await fakeBrowser.tabs.get(tabId)).windowId, {
      focused: true,
    });
    expect(bg.fake.watchSessions).toHaveLength(0);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('its Start button after the ticket was left shows the tab rather than start with a stale customer', async () => {
    await bg.configure({ notifyWaiting: true });
    const tabId = await openTicket({ email: 'jane.doe@example.com' });
    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    await routeMessage({ type: 'ticket/left' }, ticketSender(tabId), policy);
    expect(await onWaitingButton(`waiting:${tabId}`, 0)).toBe(true);
    expect(bg.fake.watchSessions).toHaveLength(0);
    expect((await fakeBrowser.tabs.get(tabId)).active).toBe(true);
  });

  it('on Firefox (no buttons) the notice says a click opens the ticket, and a click shows its tab', async () => {
    const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
    runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
    try {
      await bg.configure({ notifyWaiting: true });
      const tabId = await openTicket({ email: 'jane.doe@example.com' }, '321');
      bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
      await nextPeriod();
      const id = `waiting:${tabId}`;
      expect(created()[id]).toMatchObject({
        message: 'Zendesk ticket #321 · Click to open the ticket.',
      });
      expect(created()[id]?.buttons).toBeUndefined();
      const focus = vi.spyOn(fakeBrowser.windows, 'update');
      expect(await onWaitingClicked(id)).toBe(true);
      expect((await fakeBrowser.tabs.get(tabId)).active).toBe(true);
      expect(focus).toHaveBeenCalledWith(expect.any(Number), { focused: true });
      expect(await fakeBrowser.notifications.getAll()).toEqual({});
      expect(bg.fake.watchSessions).toHaveLength(0);
    } finally {
      delete runtime.getBrowserInfo;
    }
  });

  it('a ticket without a number is named by its helpdesk', async () => {
    await bg.configure({ notifyWaiting: true });
    const tab = await fakeBrowser.tabs.create({
      url: 'https://acme.zendesk.com/agent/',
      active: false,
    });
    await routeMessage(
      {
        type: 'ticket/identify',
        helpdesk: 'zendesk',
        identities: { email: 'jane.doe@example.com' },
        visible: false,
      },
      ticketSender(tab.id!),
      policy,
    );
    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    expect(created()[`waiting:${tab.id}`]?.message).toBe('Zendesk');
  });

  it('with the setting off, a visible ticket’s customer who starts waiting raises no notice', async () => {
    await bg.configure();
    const tabId = await openTicket({ email: 'jane.doe@example.com' });
    await routeMessage({ type: 'ticket/visibility', visible: true }, ticketSender(tabId), policy);
    bg.fake.updateVisitor(SEED_IDS.jane, { is_waiting_for_call: true });
    await nextPeriod();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('a click after the ticket’s tab was closed is taken, and nothing breaks', async () => {
    await bg.configure({ notifyWaiting: true });
    vi.spyOn(fakeBrowser.tabs, 'update').mockRejectedValue(new Error('No tab with id: 999.'));
    await expect(onWaitingClicked('waiting:999')).resolves.toBe(true);
    await expect(onWaitingButton('waiting:999', 0)).resolves.toBe(true);
  });

  it('a watched customer whose id is all digits is still the watch list’s notice', async () => {
    expect(await onWaitingClicked('watch:12345678')).toBe(false);
    expect(await onWaitingButton('watch:12345678', 1)).toBe(false);
  });
});
