import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import { PAUSE_RETRY_ALARM, retryAfterPause } from '../../../src/background/pause-retry';
import { routeMessage } from '../../../src/background/router';
import { getTabState } from '../../../src/background/tab-state';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, ticketSender, useBackground } from './harness';

// What a ticket tab's state and badge become as lookups succeed, fail and repeat: the visitors a
// blip must not lose, the nonce a start from the badge must name, and who is told.

const bg = useBackground();
const words = english as Record<string, { message: string }>;

const HOSTS = { zendesk: 'https://acme.zendesk.com', freshdesk: 'https://acme.freshdesk.com' };

function identify(
  identities: Record<string, string>,
  { tabId = 7, helpdesk = 'zendesk' as keyof typeof HOSTS } = {},
) {
  return routeMessage(
    { type: 'ticket/identify', helpdesk, ticketId: '123', identities, visible: true },
    ticketSender(tabId, HOSTS[helpdesk]),
    policy,
  );
}
const visibility = (visible: boolean, tabId = 7) =>
  routeMessage({ type: 'ticket/visibility', visible }, ticketSender(tabId), policy);

const searches = () => bg.apiCalls().filter((c) => c.path.endsWith('/list.json'));
const state = async (tabId = 7) => (await getTabState(tabId))!;
/** Past any freshness window the tests set. */
const later = (ms = 31_000) => vi.spyOn(Date, 'now').mockReturnValue(Date.now() + ms);

describe('a failed lookup', () => {
  it('keeps the visitors known for the same customer', async () => {
    bg.fake.endSession(SEED_IDS.samDesktopInSession);
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ email: 'sam.lee@example.com' });
    const known = await state();
    later();
    bg.fake.injectFault({ status: 503, times: 3 });
    expect(await identify({ email: 'sam.lee@example.com' })).toMatchObject({
      data: { state: 'error' },
    });
    expect(await state()).toMatchObject({
      visitors: known.visitors,
      candidates: known.candidates,
      ambiguous: true,
      tied: 2,
      updatedAt: known.updatedAt,
    });
  });

  it('keeps nothing of another customer in the same tab', async () => {
    bg.fake.endSession(SEED_IDS.samDesktopInSession);
    await bg.configure();
    await identify({ email: 'sam.lee@example.com' });
    bg.fake.injectFault({ status: 503, times: 3 });
    await identify({ email: 'tom.baker@example.com' });
    expect(await state()).toMatchObject({
      visitors: [],
      candidates: [],
      ambiguous: false,
      tied: 0,
      view: { state: 'error' },
    });
  });

  it('keeps nothing when the same address is a customer of another helpdesk', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ email: 'jane.doe@example.com' });
    later();
    bg.fake.injectFault({ status: 503, times: 3 });
    await identify({ email: 'jane.doe@example.com' }, { helpdesk: 'freshdesk' });
    expect(await state()).toMatchObject({ helpdesk: 'freshdesk', visitors: [], candidates: [] });
  });

  it('after Upscope asks for a pause, the badge says when it looks again, and an alarm does', async () => {
    await bg.configure();
    const before = Date.now();
    bg.fake.injectFault({ status: 429, retryAfter: 120 });
    await identify({ email: 'jane.doe@example.com' });
    const alarm = await fakeBrowser.alarms.get(PAUSE_RETRY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 120_000);
    expect(alarm?.scheduledTime).toBeLessThan(before + 130_000);
    const { view } = await state();
    expect(view.state).toBe('rate_limited');
    expect(view.title).toMatch(/\d{1,2}:\d{2}/);
  });

  it('other failures set no alarm: the next lookup asks again by itself', async () => {
    await bg.configure();
    bg.fake.injectFault({ status: 503, times: 3 });
    await identify({ email: 'jane.doe@example.com' });
    expect(await fakeBrowser.alarms.get(PAUSE_RETRY_ALARM)).toBeUndefined();
  });
});

describe('a disabled helpdesk', () => {
  it('shows turned off and forgets the visitors it had found there', async () => {
    bg.fake.endSession(SEED_IDS.samDesktopInSession);
    await bg.configure();
    await identify({ email: 'sam.lee@example.com' });
    expect((await state()).ambiguous).toBe(true);
    await routeMessage(
      { type: 'settings/save', patch: { disabledHelpdesks: ['zendesk'] } },
      popupSender,
      policy,
    );
    expect(await state()).toMatchObject({
      view: { state: 'disabled', title: words.badgeTitleDisabled!.message, canStart: false },
      visitors: [],
      candidates: [],
      ambiguous: false,
      tied: 0,
    });
  });
});

describe('the nonce a start from the badge must name', () => {
  it('is kept while the badge would look the same', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ email: 'jane.doe@example.com' });
    const first = (await state()).view.nonce;
    expect(first).toEqual(expect.any(String));
    later();
    await identify({ email: 'jane.doe@example.com' });
    expect(searches()).toHaveLength(2);
    expect((await state()).view.nonce).toBe(first);
  });

  it('is renewed when only the words of the badge’s tooltip change', async () => {
    await bg.configure();
    bg.fake.injectFault({ status: 403 });
    await identify({ email: 'jane.doe@example.com' });
    const first = await state();
    bg.fake.injectFault({ status: 200, body: { status: 'error', error: 'something_new' } });
    await identify({ email: 'tom.baker@example.com' });
    const second = await state();
    expect(second.view).toMatchObject({ state: first.view.state, label: first.view.label });
    expect(second.view.title).not.toBe(first.view.title);
    expect(second.view.nonce).not.toBe(first.view.nonce);
  });

  it('is renewed when only the presence changes (a possible match going offline)', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ name: 'Jane Doe' });
    const first = await state();
    expect(first.view).toMatchObject({ state: 'online', possible: true });
    bg.fake.updateVisitor(SEED_IDS.jane, { is_online: false });
    later();
    await identify({ name: 'Jane Doe' });
    const second = await state();
    expect(second.view).toMatchObject({
      state: 'offline',
      label: first.view.label,
      title: first.view.title,
    });
    expect(second.view.nonce).not.toBe(first.view.nonce);
  });

  it('a start naming the replaced view is refused', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ email: 'jane.doe@example.com' });
    const old = (await state()).view.nonce;
    bg.fake.updateVisitor(SEED_IDS.jane, { is_online: false });
    later();
    await identify({ email: 'jane.doe@example.com' });
    expect(
      await routeMessage({ type: 'ticket/start-cobrowse', nonce: old }, ticketSender(7), policy),
    ).toMatchObject({ ok: false, error: { kind: 'stale_view' } });
  });
});

describe('a ticket hidden and shown again', () => {
  it('hidden, it is recorded as such and nothing is looked up', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ email: 'jane.doe@example.com' });
    later();
    expect(await visibility(false)).toMatchObject({ ok: true, data: { state: 'online' } });
    expect(searches()).toHaveLength(1);
    expect(await state()).toMatchObject({
      visible: false,
      visitors: [{ short_id: SEED_IDS.jane }],
    });
  });

  it('shown again, it is looked up afresh, answered to the content script alone', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ email: 'jane.doe@example.com' });
    await visibility(false);
    bg.fake.updateVisitor(SEED_IDS.jane, { is_online: false });
    later();
    expect(await visibility(true)).toMatchObject({ ok: true, data: { state: 'offline' } });
    expect(searches()).toHaveLength(2);
    expect((await state()).visible).toBe(true);
    expect(bg.sentToTabs).toEqual([]);
  });
});

describe('telling the tab', () => {
  it('a refreshed view goes to the tab’s top frame only, as a badge update', async () => {
    await bg.configure();
    await identify({ email: 'jane.doe@example.com' });
    await routeMessage({ type: 'tab/state', tabId: 7, refresh: true }, popupSender, policy);
    const { view } = await state();
    expect(bg.sentToTabs).toEqual([{ type: 'badge/update', view }]);
    expect(bg.sentToEveryFrame).toEqual([]);
    expect(vi.mocked(fakeBrowser.tabs.sendMessage).mock.calls[0]?.[0]).toBe(7);
  });

  it('a tab that has gone does not fail the refresh', async () => {
    await bg.configure();
    await identify({ email: 'jane.doe@example.com' });
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValue(new Error('No tab with id: 7'));
    expect(
      await routeMessage({ type: 'tab/state', tabId: 7, refresh: true }, popupSender, policy),
    ).toMatchObject({ ok: true, data: { state: { view: { state: 'online' } } } });
  });
});

describe('when the tickets are looked at again after a pause (retryAfterPause)', () => {
  const NOW = Date.parse('2026-03-02T12:00:00Z');
  const alarm = () => fakeBrowser.alarms.get(PAUSE_RETRY_ALARM);

  it('as long as Upscope asked', async () => {
    expect(await retryAfterPause(120_000, NOW)).toBe(NOW + 120_000);
    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 120_000 });
  });

  it('a minute when Upscope said no length', async () => {
    expect(await retryAfterPause(null, NOW)).toBe(NOW + 60_000);
    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 60_000 });
  });

  it('not before the 30 s a browser alarm needs, for a shorter pause', async () => {
    expect(await retryAfterPause(5_000, NOW)).toBe(NOW + 30_000);
    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 30_000 });
  });

  it('keeps a later look already set, and moves an earlier one back', async () => {
    await retryAfterPause(300_000, NOW);
    expect(await retryAfterPause(60_000, NOW)).toBe(NOW + 300_000);
    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 300_000 });
    expect(await retryAfterPause(400_000, NOW)).toBe(NOW + 400_000);
    expect(await alarm()).toMatchObject({ scheduledTime: NOW + 400_000 });
  });

  it('a look set for the very same time is kept as it is', async () => {
    await retryAfterPause(60_000, NOW);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    expect(await retryAfterPause(60_000, NOW)).toBe(NOW + 60_000);
    expect(create).not.toHaveBeenCalled();
  });
});
