import type { Adapter, Get, Ticket } from '../adapter';

/** Freshworks' own agent API (`/api/_/`): read with the session, outside the v2 rate limit. */
export const freshworks = (people: string, key: string) => async (t: Ticket, get: Get) => {
  const j = await get(`/api/_/tickets/${t.id}?include=requester`);
  const ticket = j?.ticket ?? j;
  if (!ticket?.id) return;
  const rid = ticket.requester_id;
  const person =
    ticket.requester ?? (rid ? (await get(`/api/_/${people}/${rid}`))?.[key] : undefined);
  return {
    email: person?.email,
    name: person?.name,
    helpdeskUserId: rid,
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
