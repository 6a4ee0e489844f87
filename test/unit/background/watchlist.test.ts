import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESENCE_ALARM, refreshVisibleTickets } from '../../../src/background/presence';
import { routeMessage } from '../../../src/background/router';
import {
  MAX_WATCH_SEARCHES_PER_CHECK,
  MAX_WATCHED,
  WATCH_TTL_MS,
  WATCHLIST_STORAGE_KEY,
} from '../../../src/background/watchlist';
import { SEED_IDS } from '../../fake-upscope';
import { policy, ticketSender, useBackground } from './harness';
import { created, fromPopup, later, notices, openTicket, TOM, watch } from './watch-support';

const bg = useBackground();

const searches = () => bg.fake.requests.filter((r) => r.path.endsWith('/list.json'));
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the watch list', () => {
  it('takes an offline customer found by email, with their ticket, and keeps the presence alarm running', async () => {
    await bg.configure();
    const tabId = await openTicket(TOM);
    const reply = await watch(tabId, SEED_IDS.tom);
    expect(reply.ok).toBe(true);
    expect(reply.data).toMatchObject({
      enabled: true,
      max: 20,
      entries: [{ id: SEED_IDS.tom, name: 'Tom Baker', helpdesk: 'zendesk', ticketId: '124' }],
    });
    expect(reply.data.entries[0].expiresAt - reply.data.entries[0].addedAt).toBe(WATCH_TTL_MS);
    // Stored where a stopped worker finds it again (and a closed browser does not); the ticket
    // is no longer in view.
    const stored = await fakeBrowser.storage.session.get(WATCHLIST_STORAGE_KEY);
    expect(stored[WATCHLIST_STORAGE_KEY]).toMatchObject([
      { query: 'tom.baker@example.com', ticketUrl: 'https://acme.zendesk.com/agent/tickets/124' },
    ]);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeDefined();

    const removed = await fromPopup({ type: 'watch/remove', id: SEED_IDS.tom });
    expect(removed.data.entries).toEqual([]);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });

  it('refuses a customer found only by a name from the ticket: the notice could name a stranger', async () => {
    await bg.configure();
    const tabId = await openTicket({ name: 'Tom Baker' });
    const reply = await watch(tabId, SEED_IDS.tom);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'possible_match' } });
    expect((await fromPopup({ type: 'watch/list' })).data.entries).toEqual([]);
  });

  it('refuses a visitor the ticket did not find, and anything while notifications are off', async () => {
    await bg.configure();
    const tabId = await openTicket(TOM);
    expect(await watch(tabId, SEED_IDS.jane)).toMatchObject({
      ok: false,
      error: { kind: 'no_visitor' },
    });
    await bg.configure({ notifyWhenBack: false });
    expect(await watch(tabId, SEED_IDS.tom)).toMatchObject({
      ok: false,
      error: { kind: 'watch_off' },
    });
  });

  it('holds at most 20 customers, the same customer once, each for 8 hours', async () => {
    await bg.configure();
    for (let i = 0; i < MAX_WATCHED; i++) {
      const email = `watched-${i}@example.com`;
      bg.fake.upsertVisitor({ short_id: `W${i}`, is_online: false, identities: [email] });
      expect((await watch(await openTicket({ email }, String(i)), `W${i}`)).ok).toBe(true);
    }
    const tomTab = await openTicket(TOM);
    expect(await watch(tomTab, SEED_IDS.tom)).toMatchObject({
      ok: false,
      error: { kind: 'watch_full', message: expect.stringContaining('20') },
    });
    // The same customer again, from another ticket: one entry, with the newer ticket.
    const again = await watch(await openTicket({ email: 'watched-3@example.com' }, '999'), 'W3');
    expect(again.data.entries).toHaveLength(MAX_WATCHED);
    expect(again.data.entries.filter((e: { id: string }) => e.id === 'W3')).toMatchObject([
      { ticketId: '999' },
    ]);

    later(WATCH_TTL_MS);
    const expired = await fromPopup({ type: 'watch/list' });
    expect(expired.data.entries).toEqual([]);
    expect(
      (await fakeBrowser.storage.session.get(WATCHLIST_STORAGE_KEY))[WATCHLIST_STORAGE_KEY],
    ).toEqual([]);
  });
});

describe('checking on the presence alarm', () => {
  it('raises one notification when the customer comes back, with both buttons, and none again while they stay', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const tabId = await openTicket(TOM);
    await watch(tabId, SEED_IDS.tom);

    later(31_000);
    await refreshVisibleTickets();
    expect(await notices()).toEqual({});

    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(62_000);
    await refreshVisibleTickets();
    expect(created()).toEqual({
      [`watch:${SEED_IDS.tom}`]: expect.objectContaining({
        title: 'Tom Baker is on your website now',
        message: 'Zendesk ticket #124',
        buttons: [{ title: 'Start co-browsing' }, { title: 'Open ticket' }],
      }),
    });
    expect((await fromPopup({ type: 'watch/list' })).data.entries[0].back).toBe(true);

    // Dismissed by the agent; the customer is still there: no second notice.
    await fakeBrowser.notifications.clear(`watch:${SEED_IDS.tom}`);
    later(93_000);
    await refreshVisibleTickets();
    expect(await notices()).toEqual({});
  });

  it('overlapping alarms raise one notification', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await watch(await openTicket(TOM), SEED_IDS.tom);
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([refreshVisibleTickets(), refreshVisibleTickets(), refreshVisibleTickets()]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('checks that run side by side (not joined) still report the return once', async () => {
    const { checkWatched } = await import('../../../src/background/watchlist');
    await bg.configure({ freshnessSeconds: 30 });
    await watch(await openTicket(TOM), SEED_IDS.tom);
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    const outcomes = await Promise.all([checkWatched(), checkWatched(), checkWatched()]);
    expect(outcomes.flatMap((o) => o.returned).map((r) => r.entry.id)).toEqual([SEED_IDS.tom]);
  });

  it('a restarted worker does not notify again, and a second return is a second notice', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await watch(await openTicket(TOM), SEED_IDS.tom);
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
    await fakeBrowser.notifications.clear(`watch:${SEED_IDS.tom}`);

    // A fresh worker: every module global is gone, storage is what remains.
    vi.resetModules();
    const fresh = await import('../../../src/background/presence');
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    later(62_000);
    await fresh.refreshVisibleTickets();
    expect(create).not.toHaveBeenCalled();

    // Gone, then back: told again.
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: false });
    later(93_000);
    await fresh.refreshVisibleTickets();
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(124_000);
    await fresh.refreshVisibleTickets();
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('the notice goes when the customer leaves again before the agent acted', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await watch(await openTicket(TOM), SEED_IDS.tom);
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
    expect(Object.keys(await notices())).toEqual([`watch:${SEED_IDS.tom}`]);
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: false });
    later(62_000);
    await refreshVisibleTickets();
    expect(await notices()).toEqual({});
  });

  it(`costs at most ${MAX_WATCH_SEARCHES_PER_CHECK} searches per check, oldest first, so 20 watched are all checked within 4 periods`, async () => {
    await bg.configure({ freshnessSeconds: 30 });
    for (let i = 0; i < MAX_WATCHED; i++) {
      const email = `watched-${i}@example.com`;
      bg.fake.upsertVisitor({ short_id: `W${i}`, is_online: false, identities: [email] });
      await watch(await openTicket({ email }, String(i)), `W${i}`);
    }
    const before = searches().length;
    const asked = new Set<string>();
    const byPeriod: string[][] = [];
    for (let period = 1; period <= 4; period++) {
      later(period * 31_000);
      const start = searches().length;
      await refreshVisibleTickets();
      const sent = searches().slice(start);
      expect(sent.length).toBeLessThanOrEqual(MAX_WATCH_SEARCHES_PER_CHECK);
      for (const r of sent) asked.add(r.query.search!);
      byPeriod.push(sent.map((r) => r.query.search!).sort());
    }
    expect(searches().length - before).toBe(MAX_WATCHED);
    expect(asked.size).toBe(MAX_WATCHED);
    // All checked once: the ones checked longest ago come round again first.
    later(5 * 31_000);
    const start = searches().length;
    await refreshVisibleTickets();
    expect(
      searches()
        .slice(start)
        .map((r) => r.query.search!)
        .sort(),
    ).toEqual(byPeriod[0]);
  });

  it('a watched customer whose ticket is open costs no search of its own', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const tabId = await openTicket(TOM);
    await watch(tabId, SEED_IDS.tom);
    await routeMessage({ type: 'ticket/visibility', visible: true }, ticketSender(tabId), policy);
    later(31_000);
    const start = searches().length;
    await refreshVisibleTickets();
    expect(
      searches()
        .slice(start)
        .map((r) => r.query.search),
    ).toEqual(['tom.baker@example.com']);
  });

  it('with notifications off, checks nothing and lets the alarm go', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await watch(await openTicket(TOM), SEED_IDS.tom);
    await bg.configure({ freshnessSeconds: 30, notifyWhenBack: false });
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    const start = searches().length;
    await refreshVisibleTickets();
    expect(searches().slice(start)).toEqual([]);
    expect(await notices()).toEqual({});
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeUndefined();
  });
});

describe('acting on the notification', () => {
  async function back(): Promise<number> {
    await bg.configure({ freshnessSeconds: 30 });
    const tabId = await openTicket(TOM);
    await watch(tabId, SEED_IDS.tom);
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
    return tabId;
  }

  it('"Start co-browsing" starts with the visitor who is back, and takes them off the list', async () => {
    const { onNoticeButton } = await import('../../../src/background/back-notice');
    await back();
    await onNoticeButton(`watch:${SEED_IDS.tom}`, 0);
    expect(bg.apiCalls().filter((c) => c.method === 'POST')).toEqual([
      expect.objectContaining({
        path: expect.stringContaining(`/visitors/${SEED_IDS.tom}/watch_url`),
      }),
    ]);
    expect(await notices()).toEqual({});
    expect((await fromPopup({ type: 'watch/list' })).data.entries).toEqual([]);
  });

  it('"Open ticket" shows the ticket tab while it still shows that ticket, else opens the ticket again', async () => {
    const { onNoticeButton, onNoticeClicked } = await import('../../../src/background/back-notice');
    const tabId = await back();
    await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    await onNoticeButton(`watch:${SEED_IDS.tom}`, 1);
    expect((await fakeBrowser.tabs.get(tabId)).active).toBe(true);
    expect(await notices()).toEqual({});

    // The tab moved on to another ticket: the ticket opens in a new tab.
    await fakeBrowser.tabs.update(tabId, { url: 'https://acme.zendesk.com/agent/tickets/125' });
    await routeMessage(
      {
        type: 'ticket/identify',
        helpdesk: 'zendesk',
        ticketId: '125',
        identities: { email: 'someone@example.com' },
        visible: true,
      },
      ticketSender(tabId),
      policy,
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(create).toHaveBeenCalledWith({
      url: 'https://acme.zendesk.com/agent/tickets/124',
      active: true,
    });
  });

  it('on Firefox (no notification buttons) the notice says a click opens the ticket', async () => {
    const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
    runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
    try {
      await back();
      const notice = created()[`watch:${SEED_IDS.tom}`]!;
      expect(notice.buttons).toBeUndefined();
      expect(notice.message).toBe('Zendesk ticket #124 · Click to open the ticket.');
    } finally {
      delete runtime.getBrowserInfo;
    }
  });
});

describe('watching a customer found with the popup’s search', () => {
  it('takes only a search that names one customer', async () => {
    const { strongSearch } = await import('../../../src/shared/watch');
    expect(strongSearch(' tom.baker@example.com ')).toEqual({ kind: 'email' });
    expect(strongSearch('id:user-1001')).toEqual({ kind: 'user_id' });
    expect(strongSearch('integration_id:zendesk:3901001')).toEqual({
      kind: 'helpdesk_user_id',
      helpdesk: 'zendesk',
    });
    for (const weak of ['Tom Baker', '4821', 'tom', '#vip', 'integration_id:acme:1', 'id: x']) {
      expect(strongSearch(weak), weak).toBeNull();
    }
  });

  it('by email: no ticket, one Start button when they are back, and the session starts', async () => {
    await bg.configure();
    const added = await fromPopup({
      type: 'watch/add-found',
      shortId: SEED_IDS.tom,
      query: 'tom.baker@example.com',
    });
    expect(added.data.entries).toEqual([
      expect.objectContaining({ id: SEED_IDS.tom, helpdesk: null, ticketId: null }),
    ]);
    expect(await fakeBrowser.alarms.get(PRESENCE_ALARM)).toBeDefined();
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(61_000);
    await refreshVisibleTickets();
    expect(created()[`watch:${SEED_IDS.tom}`]).toMatchObject({
      title: 'Tom Baker is on your website now',
      message: 'Found by your search for tom.baker@example.com',
      buttons: [{ title: 'Start co-browsing' }],
    });
    const { onNoticeButton } = await import('../../../src/background/back-notice');
    await onNoticeButton(`watch:${SEED_IDS.tom}`, 0);
    expect(bg.fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.tom]);
  });

  it('refuses a name search, and a visitor the search does not find', async () => {
    await bg.configure();
    expect(
      await fromPopup({ type: 'watch/add-found', shortId: SEED_IDS.tom, query: 'Tom Baker' }),
    ).toMatchObject({ ok: false, error: { kind: 'possible_match' } });
    expect(
      await fromPopup({
        type: 'watch/add-found',
        shortId: SEED_IDS.jane,
        query: 'tom.baker@example.com',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'no_visitor' } });
    expect((await fromPopup({ type: 'watch/list' })).data.entries).toEqual([]);
  });
});

describe('who may be watched, and the words of a refusal', () => {
  it('says why in words the agent reads, from a ticket and from the popup’s search', async () => {
    await bg.configure();
    const tomTab = await openTicket(TOM);
    const nameTab = await openTicket({ name: 'Tom Baker' }, '300');
    // A tab without a ticket the worker knows of: nothing to watch there.
    const blank = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    expect(await watch(blank.id!, SEED_IDS.tom)).toMatchObject({
      ok: false,
      error: { kind: 'no_visitor', message: 'No visitor is known for this ticket’s customer yet.' },
    });
    const weak = await watch(nameTab, SEED_IDS.tom);
    expect(weak.error.message).toMatch(/^Only a customer found by their user id, email/);
    const found = await fromPopup({ type: 'watch/add-found', shortId: SEED_IDS.tom, query: 'tom' });
    expect(found.error).toMatchObject({ kind: 'possible_match', message: weak.error.message });
    const stranger = await fromPopup({
      type: 'watch/add-found',
      shortId: SEED_IDS.jane,
      query: 'tom.baker@example.com',
    });
    expect(stranger.error.message).toBe('No visitor is known for this ticket’s customer yet.');

    await bg.configure({ notifyWhenBack: false });
    const off = 'Notifications for returning customers are turned off in the settings.';
    expect(await watch(tomTab, SEED_IDS.tom)).toMatchObject({
      ok: false,
      error: { kind: 'watch_off', message: off },
    });
    expect(
      await fromPopup({
        type: 'watch/add-found',
        shortId: SEED_IDS.tom,
        query: 'tom.baker@example.com',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'watch_off', message: off } });
    expect((await fromPopup({ type: 'watch/list' })).data.entries).toEqual([]);
  });

  it('a ticket whose user id finds no one but whose email does is watched by the email', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const tabId = await openTicket({ externalId: 'not-a-user-9', ...TOM });
    const reply = await watch(tabId, SEED_IDS.tom);
    expect(reply.data.entries).toMatchObject([{ query: 'tom.baker@example.com' }]);
    // And that is what the check asks, so his return is heard.
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
    expect(Object.keys(await notices())).toEqual([`watch:${SEED_IDS.tom}`]);
  });

  it('the same customer on another device is one entry, from a ticket or a search, and others stay', async () => {
    await bg.configure();
    const email = 'two.devices@example.com';
    bg.fake.upsertVisitor({ short_id: 'DESK0001', is_online: false, identities: [email] });
    bg.fake.upsertVisitor({ short_id: 'PHONE001', is_online: false, identities: [email] });
    await watch(await openTicket(TOM, '124'), SEED_IDS.tom);
    await watch(await openTicket({ email }, '201'), 'DESK0001');
    const again = await watch(await openTicket({ email }, '202'), 'PHONE001');
    expect(again.data.entries.map((e: { id: string }) => e.id)).toEqual([SEED_IDS.tom, 'PHONE001']);

    // The popup's search, written another way, is the same search.
    const found = await fromPopup({
      type: 'watch/add-found',
      shortId: 'DESK0001',
      query: 'Two.Devices@Example.com',
    });
    expect(found.data.entries.map((e: { id: string }) => e.id)).toEqual([SEED_IDS.tom, 'DESK0001']);
    const twice = await fromPopup({
      type: 'watch/add-found',
      shortId: 'PHONE001',
      query: 'two.devices@example.com',
    });
    expect(twice.data.entries.map((e: { id: string }) => e.id)).toEqual([SEED_IDS.tom, 'PHONE001']);
  });

  it('a search is watched as the agent meant it, without the spaces around it', async () => {
    await bg.configure();
    const reply = await fromPopup({
      type: 'watch/add-found',
      shortId: SEED_IDS.tom,
      query: '  tom.baker@example.com ',
    });
    expect(reply.data.entries).toMatchObject([{ query: 'tom.baker@example.com' }]);
  });

  it('watching someone an open ticket just looked up costs no second search', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await openTicket(TOM);
    const before = searches().length;
    later(10_000);
    const reply = await fromPopup({
      type: 'watch/add-found',
      shortId: SEED_IDS.tom,
      query: 'tom.baker@example.com',
    });
    expect(reply.ok).toBe(true);
    expect(searches().length).toBe(before);
  });

  it('the same visitor found by another identity is one entry, watched by the newer search', async () => {
    await bg.configure();
    await watch(await openTicket(TOM, '124'), SEED_IDS.tom);
    const byId = await watch(await openTicket({ externalId: 'user-1002' }, '126'), SEED_IDS.tom);
    expect(byId.data.entries).toMatchObject([{ id: SEED_IDS.tom, query: 'id:user-1002' }]);
    expect(byId.data.entries).toHaveLength(1);

    const found = await fromPopup({
      type: 'watch/add-found',
      shortId: SEED_IDS.tom,
      query: 'tom.baker@example.com',
    });
    expect(found.data.entries).toMatchObject([
      { id: SEED_IDS.tom, query: 'tom.baker@example.com' },
    ]);
    expect(found.data.entries).toHaveLength(1);
  });

  it(`holds at most ${MAX_WATCHED} found with the popup’s search too; one already watched may be added again`, async () => {
    await bg.configure();
    for (let i = 0; i < MAX_WATCHED; i++) {
      const email = `found-${i}@example.com`;
      bg.fake.upsertVisitor({ short_id: `F${i}`, is_online: false, identities: [email] });
      const reply = await fromPopup({ type: 'watch/add-found', shortId: `F${i}`, query: email });
      expect(reply.ok).toBe(true);
    }
    expect(
      await fromPopup({
        type: 'watch/add-found',
        shortId: SEED_IDS.tom,
        query: 'tom.baker@example.com',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'watch_full',
        message: 'You are already waiting for 20 customers. Remove one from the list first.',
      },
    });
    const again = await fromPopup({
      type: 'watch/add-found',
      shortId: 'F7',
      query: 'found-7@example.com',
    });
    expect(again.data.entries).toHaveLength(MAX_WATCHED);
  });

  it('taking one customer off the list keeps the others', async () => {
    await bg.configure();
    await watch(await openTicket(TOM, '124'), SEED_IDS.tom);
    await fromPopup({
      type: 'watch/add-found',
      shortId: SEED_IDS.jane,
      query: 'jane.doe@example.com',
    });
    const removed = await fromPopup({ type: 'watch/remove', id: SEED_IDS.tom });
    expect(removed.data.entries.map((e: { id: string }) => e.id)).toEqual([SEED_IDS.jane]);
  });

  it('a wish to be told lasts exactly 8 hours, and one dated after now (the clock went back) is dropped', async () => {
    await bg.configure();
    const start = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(start);
    await watch(await openTicket(TOM), SEED_IDS.tom);
    vi.spyOn(Date, 'now').mockReturnValue(start + WATCH_TTL_MS - 1);
    expect((await fromPopup({ type: 'watch/list' })).data.entries).toHaveLength(1);
    vi.spyOn(Date, 'now').mockReturnValue(start + WATCH_TTL_MS);
    expect((await fromPopup({ type: 'watch/list' })).data.entries).toEqual([]);

    vi.spyOn(Date, 'now').mockReturnValue(start);
    await watch(await openTicket(TOM), SEED_IDS.tom);
    vi.spyOn(Date, 'now').mockReturnValue(start - 60_000);
    expect((await fromPopup({ type: 'watch/list' })).data.entries).toEqual([]);
  });
});

describe('who counts as back, and who as gone', () => {
  it('a customer already on the website when watched from a ticket is told about only after leaving and coming back', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const reply = await watch(await openTicket({ email: 'jane.doe@example.com' }), SEED_IDS.jane);
    expect(reply.data.entries).toMatchObject([{ back: true }]);
    later(31_000);
    await refreshVisibleTickets();
    expect(await notices()).toEqual({});
    bg.fake.updateVisitor(SEED_IDS.jane, { is_online: false });
    later(62_000);
    await refreshVisibleTickets();
    bg.fake.updateVisitor(SEED_IDS.jane, { is_online: true });
    later(93_000);
    await refreshVisibleTickets();
    expect(Object.keys(await notices())).toEqual([`watch:${SEED_IDS.jane}`]);
  });

  it('the same for a customer watched from the popup’s search', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const reply = await fromPopup({
      type: 'watch/add-found',
      shortId: SEED_IDS.jane,
      query: 'jane.doe@example.com',
    });
    expect(reply.data.entries).toMatchObject([{ back: true }]);
    later(31_000);
    await refreshVisibleTickets();
    expect(await notices()).toEqual({});
  });

  it('a customer whose visitor is deleted counts as gone: the notice goes', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await watch(await openTicket(TOM), SEED_IDS.tom);
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
    expect(Object.keys(await notices())).toEqual([`watch:${SEED_IDS.tom}`]);
    // The search finds no one any more.
    bg.fake.updateVisitor(SEED_IDS.tom, { identities: [], email: null });
    later(62_000);
    await refreshVisibleTickets();
    expect(await notices()).toEqual({});
    expect((await fromPopup({ type: 'watch/list' })).data.entries[0].back).toBe(false);
  });

  it('a customer left over this check’s budget does not keep the others from being told', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await watch(await openTicket(TOM, '124'), SEED_IDS.tom);
    for (let i = 0; i < MAX_WATCH_SEARCHES_PER_CHECK; i++) {
      const email = `watched-${i}@example.com`;
      bg.fake.upsertVisitor({ short_id: `W${i}`, is_online: false, identities: [email] });
      await watch(await openTicket({ email }, String(i)), `W${i}`);
    }
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
    expect(Object.keys(await notices())).toEqual([`watch:${SEED_IDS.tom}`]);
  });

  it('a check soon after the ticket’s own lookup is answered by it, and reports the return alone', async () => {
    const { checkWatched } = await import('../../../src/background/watchlist');
    await bg.configure({ freshnessSeconds: 30 });
    const tabId = await openTicket({ email: 'jane.doe@example.com' });
    await watch(tabId, SEED_IDS.jane);
    bg.fake.updateVisitor(SEED_IDS.jane, { is_online: false });
    later(31_000);
    expect(await checkWatched()).toMatchObject({ returned: [], left: [{ id: SEED_IDS.jane }] });
    bg.fake.updateVisitor(SEED_IDS.jane, { is_online: true });
    // The ticket looks again (the agent came back to it); ten seconds later, the alarm.
    later(31_000);
    await routeMessage({ type: 'ticket/visibility', visible: true }, ticketSender(tabId), policy);
    const start = searches().length;
    later(10_000);
    const outcome = await checkWatched();
    expect(searches().length).toBe(start);
    expect(outcome.returned.map((r) => r.entry.id)).toEqual([SEED_IDS.jane]);
    expect(outcome.left).toEqual([]);
  });

  it('with no one watched, a check reports no one back and no one gone', async () => {
    const { checkWatched } = await import('../../../src/background/watchlist');
    await bg.configure();
    expect(await checkWatched()).toMatchObject({ returned: [], left: [] });
    await bg.configure({ notifyWhenBack: false });
    expect(await checkWatched()).toMatchObject({ returned: [], left: [] });
  });
});
