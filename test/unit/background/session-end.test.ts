import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { clearLookupCache } from '../../../src/background/lookup';
import { routeMessage } from '../../../src/background/router';
import { getTabState } from '../../../src/background/tab-state';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, ticketSender, useBackground } from './harness';

// Ending a session from the popup, and which ticket a session is filed under.

const bg = useBackground();

const PRIYA = 'priya.patel@example.com';
const JANE = 'jane.doe@example.com';

const identify = (email: string, tabId = 1, ticketId = '123') =>
  routeMessage(
    {
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      ticketId,
      identities: { email },
      visible: true,
    },
    ticketSender(tabId),
    policy,
  );

const end = (shortId: string) =>
  routeMessage({ type: 'session/end', shortId }, popupSender, policy);

const deletes = () => bg.apiCalls().filter((c) => c.method === 'DELETE');

describe('ending a session', () => {
  it('stops it at Upscope and shows the visitor out of it on the ticket, badge included', async () => {
    await bg.configure();
    expect(await identify(PRIYA)).toMatchObject({ ok: true, data: { state: 'in_session' } });
    const searches = bg.apiCalls().length;

    const reply = await end(SEED_IDS.priya);
    expect(reply).toMatchObject({
      ok: true,
      data: { short_id: SEED_IDS.priya, is_in_session: false },
    });
    expect(deletes()).toEqual([
      { method: 'DELETE', path: `/v1.1/visitors/${SEED_IDS.priya}/session`, query: {} },
    ]);
    expect(bg.fake.getVisitor(SEED_IDS.priya)?.is_in_session).toBe(false);
    // Shown from what the worker now knows: no search waits for Upscope's next answer.
    expect(bg.apiCalls()).toHaveLength(searches + 1);
    const state = await getTabState(1);
    expect(state?.visitors[0]?.is_in_session).toBe(false);
    expect(state?.view.state).toBe('online');
    expect(bg.sentToTabs.at(-1)).toMatchObject({ type: 'badge/update', view: { state: 'online' } });
  });

  it('a visitor who left meanwhile is said as such', async () => {
    await bg.configure();
    expect(await end('NOPE0000')).toMatchObject({
      ok: false,
      error: { kind: 'visitor_gone', message: expect.stringMatching(/has left your website/) },
    });
  });

  it('a refused key is said as such, not as a visitor who left', async () => {
    await bg.configure();
    bg.fake.revokeKey('SENTINEL-KEY-5e1f0c2a9b');
    expect(await end(SEED_IDS.priya)).toMatchObject({
      ok: false,
      error: { kind: 'invalid_api_key' },
    });
  });

  it('answers with the visitor from the ticket when no cached search holds them any more', async () => {
    await bg.configure();
    await identify(PRIYA);
    await clearLookupCache();
    expect(await end(SEED_IDS.priya)).toMatchObject({
      ok: true,
      data: { short_id: SEED_IDS.priya, is_in_session: false },
    });
  });

  it('answers with that visitor, not another the ticket found, when the cache dropped them', async () => {
    await bg.configure();
    await identify('sam.lee@example.com');
    const order = (await getTabState(1))!.visitors.map((v) => v.short_id);
    expect(order[0]).not.toBe(SEED_IDS.samDesktopInSession);
    await clearLookupCache();
    expect(await end(SEED_IDS.samDesktopInSession)).toMatchObject({
      ok: true,
      data: { short_id: SEED_IDS.samDesktopInSession, is_in_session: false },
    });
  });

  it('updates a ticket that found the visitor among others, and leaves other tickets alone', async () => {
    await bg.configure();
    await identify('sam.lee@example.com');
    await identify(JANE, 2, '124');
    const before = await getTabState(1);
    expect(before?.visitors.length).toBeGreaterThan(1);
    expect(before?.visitors.find((v) => v.short_id === SEED_IDS.samDesktopInSession)).toMatchObject(
      { is_in_session: true },
    );
    const sendMessage = vi.mocked(fakeBrowser.tabs.sendMessage);
    sendMessage.mockClear();

    await end(SEED_IDS.samDesktopInSession);
    const after = await getTabState(1);
    expect(after?.visitors.find((v) => v.short_id === SEED_IDS.samDesktopInSession)).toMatchObject({
      is_in_session: false,
    });
    const updatedTabs = new Set(sendMessage.mock.calls.map(([tabId]) => tabId));
    expect(updatedTabs).toEqual(new Set([1]));
  });

  it('only the extension’s pages may end a session, never a helpdesk page', async () => {
    await bg.configure();
    const reply = await routeMessage(
      { type: 'session/end', shortId: SEED_IDS.priya },
      ticketSender(1),
      policy,
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect(deletes()).toHaveLength(0);
  });

  it('a start right after the end creates a new session instead of showing the ended one', async () => {
    await bg.configure();
    const start = () =>
      routeMessage(
        { type: 'cobrowse/start', shortId: SEED_IDS.jane, tabId: 1 },
        popupSender,
        policy,
      );
    await start();
    await end(SEED_IDS.jane);
    expect(await start()).toMatchObject({ ok: true, data: { opened: 'tab' } });
    expect(bg.fake.watchSessions).toHaveLength(2);
  });
});

describe('the ticket a session is filed under', () => {
  const ticketFields = {
    helpdesk: 'zendesk',
    ticket_id: '123',
    ticket_url: 'https://acme.zendesk.com/agent/tickets/123',
  };

  it('a start from the badge carries the ticket, its address as the browser reported the tab', async () => {
    await bg.configure({ returnToTicket: true, permissionsPreset: 'guide' });
    const view = await identify(JANE);
    const nonce = (view as { data: { nonce: string } }).data.nonce;
    await routeMessage({ type: 'ticket/start-cobrowse', nonce }, ticketSender(1), policy);
    const session = bg.fake.watchSessions.at(-1)!;
    expect(session.metadata).toEqual(ticketFields);
    expect(session.onEndUrl).toBe(ticketFields.ticket_url);
    expect(session.permissions).toMatchObject({ allow_draw: true, allow_click: false });
  });

  it('a start from the popup’s ticket panel carries it too', async () => {
    await bg.configure();
    await identify(JANE);
    await routeMessage(
      { type: 'cobrowse/start', shortId: SEED_IDS.jane, tabId: 1, from: 'ticket' },
      popupSender,
      policy,
    );
    expect(bg.fake.watchSessions.at(-1)?.metadata).toEqual(ticketFields);
  });

  it('a start from the popup’s search carries nothing of the ticket, nor a way back', async () => {
    await bg.configure({ returnToTicket: true });
    await identify(JANE);
    await routeMessage(
      { type: 'cobrowse/start', shortId: SEED_IDS.jane, tabId: 1, from: 'search' },
      popupSender,
      policy,
    );
    const session = bg.fake.watchSessions.at(-1)!;
    expect(session.metadata).toBeNull();
    expect(session.onEndUrl).toBeNull();
  });

  it('a visitor the ticket did not find is not filed under it', async () => {
    await bg.configure();
    await identify(JANE);
    await routeMessage(
      { type: 'cobrowse/start', shortId: SEED_IDS.maria, tabId: 1 },
      popupSender,
      policy,
    );
    expect(bg.fake.watchSessions.at(-1)?.metadata).toBeNull();
  });

  it('a page cannot name another address for the ticket', async () => {
    await bg.configure();
    const reply = await routeMessage(
      {
        type: 'ticket/identify',
        helpdesk: 'zendesk',
        identities: { email: JANE },
        visible: true,
        ticketUrl: 'https://evil.example/',
      },
      ticketSender(1),
      policy,
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect(await fakeBrowser.storage.session.get('tab:1')).toEqual({});
  });
});
