import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkWatchedAndNotify,
  onNoticeButton,
  onNoticeClicked,
} from '../../../src/background/back-notice';
import { showNotice } from '../../../src/background/notice';
import { refreshVisibleTickets } from '../../../src/background/presence';
import { routeMessage } from '../../../src/background/router';
import { SEED_IDS } from '../../fake-upscope';
import { policy, ticketSender, useBackground } from './harness';
import {
  created,
  fromPopup,
  later,
  notices,
  openTicket,
  TOM,
  watch,
  type Created,
} from './watch-support';

const bg = useBackground();

const TOM_TICKET = 'https://acme.zendesk.com/agent/tickets/124';

const posts = () => bg.apiCalls().filter((c) => c.method === 'POST');

/** Tom watched from his ticket, then back on the website at the next check. */
async function tomIsBack(): Promise<number> {
  await bg.configure({ freshnessSeconds: 30 });
  const tabId = await openTicket(TOM);
  await watch(tabId, SEED_IDS.tom);
  bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
  later(31_000);
  await refreshVisibleTickets();
  return tabId;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the notice for a customer who is back', () => {
  it('carries the extension’s icon (Chrome refuses a basic notification without one)', async () => {
    await tomIsBack();
    expect(created()[`watch:${SEED_IDS.tom}`]?.iconUrl).toBe(
      fakeBrowser.runtime.getURL('icons/icon-128.png'),
    );
  });

  it('stays up while the customer stays on the website', async () => {
    await tomIsBack();
    later(62_000);
    await refreshVisibleTickets();
    expect(Object.keys(await notices())).toEqual([`watch:${SEED_IDS.tom}`]);
  });

  it('notifications turned off for the browser: the watch list still says the customer is back', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await watch(await openTicket(TOM), SEED_IDS.tom);
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('denied'));
    const outcome = await checkWatchedAndNotify();
    expect(outcome.returned.map((r) => r.entry.id)).toEqual([SEED_IDS.tom]);
    expect((await fromPopup({ type: 'watch/list' })).data.entries[0].back).toBe(true);
  });

  it('is taken away with the customer when the agent removes them from the list', async () => {
    await tomIsBack();
    expect(Object.keys(await notices())).toEqual([`watch:${SEED_IDS.tom}`]);
    await fromPopup({ type: 'watch/remove', id: SEED_IDS.tom });
    expect(await notices()).toEqual({});
  });
});

describe('starting co-browsing from the notice', () => {
  it('opens the session beside the ticket’s tab', async () => {
    const tabId = await tomIsBack();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNoticeButton(`watch:${SEED_IDS.tom}`, 0);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ openerTabId: tabId }));
  });

  it('starts with the device the customer came back on, not the one first watched', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const email = 'two.devices@example.com';
    bg.fake.upsertVisitor({ short_id: 'DESK0001', is_online: false, identities: [email] });
    bg.fake.upsertVisitor({ short_id: 'PHONE001', is_online: false, identities: [email] });
    await watch(await openTicket({ email }), 'DESK0001');
    bg.fake.updateVisitor('PHONE001', { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
    await onNoticeButton('watch:DESK0001', 0);
    expect(bg.fake.watchSessions.map((s) => s.shortId)).toEqual(['PHONE001']);
  });

  it('a start that fails says why, keeps the customer watched, and its button opens the ticket', async () => {
    const tabId = await tomIsBack();
    bg.fake.injectFault({ match: { path: 'watch_url' }, status: 404 });
    await onNoticeButton(`watch:${SEED_IDS.tom}`, 0);
    expect(Object.keys(await notices())).toEqual([`watch-failed:${SEED_IDS.tom}`]);
    const failed = created()[`watch-failed:${SEED_IDS.tom}`]!;
    expect(failed.title).toBe('Could not start co-browsing with Tom Baker');
    expect(failed.message).toBe(
      'This visitor has left your website or was deleted, so co-browsing cannot start.',
    );
    expect(failed.buttons).toEqual([{ title: 'Open ticket' }]);
    expect((await fromPopup({ type: 'watch/list' })).data.entries).toHaveLength(1);

    // Its one button is the ticket, not a second try.
    await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    await onNoticeButton(`watch-failed:${SEED_IDS.tom}`, 0);
    expect(posts()).toHaveLength(1);
    expect((await fakeBrowser.tabs.get(tabId)).active).toBe(true);
    expect(await notices()).toEqual({});
  });

  it('removing the customer takes away a failed start’s notice too', async () => {
    await tomIsBack();
    bg.fake.injectFault({ match: { path: 'watch_url' }, status: 404 });
    await onNoticeButton(`watch:${SEED_IDS.tom}`, 0);
    expect(Object.keys(await notices())).toEqual([`watch-failed:${SEED_IDS.tom}`]);
    await fromPopup({ type: 'watch/remove', id: SEED_IDS.tom });
    expect(await notices()).toEqual({});
  });
});

describe('opening the ticket from the notice', () => {
  it('brings the ticket tab’s window to the front', async () => {
    const tabId = await tomIsBack();
    const windowId = (await fakeBrowser.tabs.get(tabId)).windowId;
    const focus = vi.spyOn(fakeBrowser.windows, 'update');
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(focus).toHaveBeenCalledWith(windowId, { focused: true });
  });

  it('a ticket opened again comes up in a focused window', async () => {
    const tabId = await tomIsBack();
    // The agent went on elsewhere in that tab.
    await fakeBrowser.tabs.update(tabId, { url: 'https://example.com/' });
    await routeMessage({ type: 'ticket/left' }, ticketSender(tabId), policy);
    const focus = vi.spyOn(fakeBrowser.windows, 'update');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(create).toHaveBeenCalledWith({ url: TOM_TICKET, active: true });
    const opened = (await create.mock.results[0]!.value) as { windowId: number };
    expect(focus).toHaveBeenCalledWith(opened.windowId, { focused: true });
  });

  it('without the worker’s record of the tab, its address says whether it still shows the ticket', async () => {
    const tabId = await tomIsBack();
    // The content script said the ticket was left (a reload, say): the worker forgot the tab.
    await routeMessage({ type: 'ticket/left' }, ticketSender(tabId), policy);
    await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(create).not.toHaveBeenCalled();
    expect((await fakeBrowser.tabs.get(tabId)).active).toBe(true);

    // The tab went on somewhere else: the ticket opens in a tab of its own.
    await fakeBrowser.tabs.update(tabId, { url: 'https://acme.zendesk.com/agent/home' });
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(create).toHaveBeenCalledWith({ url: TOM_TICKET, active: true });
  });

  it('a tab now showing the same ticket number on another helpdesk is not the ticket', async () => {
    const tabId = await tomIsBack();
    const url = 'https://acme.freshdesk.com/a/tickets/124';
    await fakeBrowser.tabs.update(tabId, { url });
    await routeMessage(
      {
        type: 'ticket/identify',
        helpdesk: 'freshdesk',
        ticketId: '124',
        identities: { email: 'someone@example.com' },
        visible: true,
      },
      { ...ticketSender(tabId, 'https://acme.freshdesk.com'), url },
      policy,
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(create).toHaveBeenCalledWith({ url: TOM_TICKET, active: true });
  });

  it('the ticket’s tab was closed: the ticket opens again', async () => {
    const tabId = await tomIsBack();
    await routeMessage({ type: 'ticket/left' }, ticketSender(tabId), policy);
    // Chrome's answer for a tab that is gone (the in-memory browser answers undefined).
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error(`No tab with id: ${tabId}.`));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(create).toHaveBeenCalledWith({ url: TOM_TICKET, active: true });
  });

  it('a customer found with the popup’s search has no ticket: a click opens no tab', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await fromPopup({
      type: 'watch/add-found',
      shortId: SEED_IDS.tom,
      query: 'tom.baker@example.com',
    });
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(create).not.toHaveBeenCalled();
  });

  it('which customer’s ticket: the one whose notice was clicked', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const tomTab = await openTicket(TOM, '124');
    await watch(tomTab, SEED_IDS.tom);
    bg.fake.upsertVisitor({ short_id: 'ANNE0001', is_online: false, identities: ['anne@x.org'] });
    const anneTab = await openTicket({ email: 'anne@x.org' }, '200');
    await watch(anneTab, 'ANNE0001');
    await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    await onNoticeClicked('watch:ANNE0001');
    expect((await fakeBrowser.tabs.get(anneTab)).active).toBe(true);
    expect((await fakeBrowser.tabs.get(tomTab)).active).toBe(false);
  });

  it('a notice of a customer no longer watched does nothing, by click or button', async () => {
    await tomIsBack();
    await fromPopup({ type: 'watch/remove', id: SEED_IDS.tom });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(onNoticeClicked(`watch:${SEED_IDS.tom}`)).resolves.toBeUndefined();
    await expect(onNoticeButton(`watch:${SEED_IDS.tom}`, 1)).resolves.toBeUndefined();
    await expect(onNoticeButton(`watch-failed:${SEED_IDS.tom}`, 0)).resolves.toBeUndefined();
    expect(create).not.toHaveBeenCalled();
    expect(posts()).toEqual([]);
  });
});

describe('a notice with or without buttons', () => {
  it('without actions to offer, a notice is a plain one the browser may let go', async () => {
    await showNotice('plain', 'Title', 'Message', []);
    const options = created()['plain'] as Created & { requireInteraction?: boolean };
    expect(options.buttons).toBeUndefined();
    expect(options.requireInteraction).toBeUndefined();
  });

  it('a browser that refuses buttons still shows the notice, as a plain one', async () => {
    const real = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
    const create = vi
      .spyOn(fakeBrowser.notifications, 'create')
      .mockImplementation(async (...args: unknown[]) => {
        const options = args.at(-1) as { buttons?: unknown };
        if (options.buttons) throw new Error('buttons not supported');
        return (real as (...a: unknown[]) => Promise<string>)(...args);
      });
    await showNotice('refused', 'Title', 'Message', ['Start']);
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1]![1]).not.toHaveProperty('buttons');
    expect(Object.keys(await notices())).toEqual(['refused']);
  });
});

describe('a customer found with the popup’s search, back on Firefox (no notification buttons)', () => {
  /** Tom watched from a search (no ticket), then back at the next check. */
  async function tomFoundIsBack(): Promise<void> {
    await bg.configure({ freshnessSeconds: 30 });
    await fromPopup({ type: 'watch/add-found', shortId: SEED_IDS.tom, query: TOM.email });
    bg.fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    later(31_000);
    await refreshVisibleTickets();
  }

  function asFirefox(): () => void {
    const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
    runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
    return () => delete runtime.getBrowserInfo;
  }

  it('says a click starts co-browsing, and a click does: there is no ticket to open', async () => {
    const restore = asFirefox();
    try {
      await tomFoundIsBack();
      const notice = created()[`watch:${SEED_IDS.tom}`]!;
      expect(notice.buttons).toBeUndefined();
      expect(notice.message).toBe(
        'Found by your search for tom.baker@example.com · Click to start co-browsing.',
      );
      await onNoticeClicked(`watch:${SEED_IDS.tom}`);
      expect(posts()).toHaveLength(1);
      expect(posts()[0]!.path).toContain(`/visitors/${SEED_IDS.tom}/watch_url.json`);
    } finally {
      restore();
    }
  });

  it('on Chrome the notice’s Start button starts; a click on the notice itself starts nothing', async () => {
    await tomFoundIsBack();
    const notice = created()[`watch:${SEED_IDS.tom}`]!;
    expect(notice.buttons).toEqual([{ title: 'Start co-browsing' }]);
    await onNoticeClicked(`watch:${SEED_IDS.tom}`);
    expect(posts()).toEqual([]);
  });
});
