import type { Adapter, Get, Ticket } from '../adapter';

/** Freshworks' own agent API (`/api/_/`): read with the session, outside the v2 rate limit. */
export const freshworks =
  (people: string, key: string) =>
  async ({ id }: Ticket, get: Get) => {
    const json = await get(`/api/_/tickets/${id}?include=requester`);
    const ticket = json?.ticket ?? json;
    if (!ticket?.id) return;
    const requesterId = ticket.requester_id;
    const person =
      ticket.requester ??
      (requesterId ? (await get(`/api/_/${people}/${requesterId}`))?.[key] : undefined);
    return {
      email: person?.email,
      name: person?.name,
      helpdeskUserId: requesterId,
      text: ticket.description_text,
    };
  };

export const freshdesk: Adapter = {
  id: 'freshdesk',
  // The new agent UI, and the legacy one custom helpdesk domains still serve.
  url: /^\/(?:a|helpdesk)\/tickets\/(\d+)(?:[/?#]|$)/,
  api: freshworks('contacts', 'contact'),
  anchor: '.ticket-subject-heading',
};
