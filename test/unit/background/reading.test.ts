import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../../src/background/router';
import { policy, popupSender, ticketSender, useBackground } from './harness';

const bg = useBackground();
const fromTicket = (message: unknown, tabId = 7) =>
  routeMessage(message, ticketSender(tabId), policy);
const fromPopup = (message: unknown) => routeMessage(message, popupSender, policy);

const read = (extra: Record<string, unknown> = {}) => ({
  type: 'ticket/read',
  helpdesk: 'zendesk',
  ticketId: '123',
  from: 'api',
  ignored: ['support@acme.zendesk.com'],
  ...extra,
});

describe('what was read on this page', () => {
  it('joins what the script read with the identities the worker holds for that ticket', async () => {
    await bg.configure();
    await fromTicket(read());
    await fromTicket({
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      ticketId: '123',
      identities: { email: 'jane.doe@example.com', helpdeskUserId: '3901001' },
      visible: true,
    });
    expect(await fromPopup({ type: 'tab/reading', tabId: 7 })).toEqual({
      ok: true,
      data: {
        helpdesk: 'zendesk',
        ticketId: '123',
        from: 'api',
        identities: { email: 'jane.doe@example.com', helpdeskUserId: '3901001' },
        ignored: ['support@acme.zendesk.com'],
        at: expect.any(Number),
      },
    });
  });

  it('a ticket where nothing was found is still told, with no identities', async () => {
    await bg.configure();
    await fromTicket(read({ from: 'none', ignored: [] }));
    expect(await fromPopup({ type: 'tab/reading', tabId: 7 })).toMatchObject({
      data: { from: 'none', identities: null, ticketId: '123' },
    });
  });

  it('identities of another ticket in the tab are not shown as this one’s', async () => {
    await bg.configure();
    await fromTicket({
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      ticketId: '122',
      identities: { email: 'tom.baker@example.com' },
      visible: true,
    });
    await fromTicket(read({ from: 'none', ignored: [] }));
    expect(await fromPopup({ type: 'tab/reading', tabId: 7 })).toMatchObject({
      data: { ticketId: '123', identities: null },
    });
  });

  it('is forgotten when the ticket is left, and is the tab’s own', async () => {
    await bg.configure();
    await fromTicket(read());
    expect(await fromPopup({ type: 'tab/reading', tabId: 8 })).toEqual({ ok: true, data: null });
    await fromTicket({ type: 'ticket/left' });
    expect(await fromPopup({ type: 'tab/reading', tabId: 7 })).toEqual({ ok: true, data: null });
  });

  it('takes only addresses, at most five, and only from a content script', async () => {
    await bg.configure();
    expect(await fromTicket(read({ ignored: ['Dear Jane, my code is 4821'] }))).toMatchObject({
      ok: false,
      error: { kind: 'bad_message' },
    });
    const six = Array.from({ length: 6 }, (_, i) => `agent${i}@acme.com`);
    expect(await fromTicket(read({ ignored: six }))).toMatchObject({ ok: false });
    expect(await fromPopup(read())).toMatchObject({ ok: false });
    expect(await fromTicket({ type: 'tab/reading', tabId: 7 })).toMatchObject({ ok: false });
  });
});
