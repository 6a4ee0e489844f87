import type { Adapter } from '../adapter';

// Agent Workspace keeps every open ticket tab in the DOM and hides the others with
// display:none; the workspace holding this ticket's conversation is the one in view.
export const zendesk: Adapter = {
  id: 'zendesk',
  url: /^\/agent\/tickets\/(\d+)(?:[?#]|$)/,
  async api({ id }, get) {
    const json = await get(`/api/v2/tickets/${id}.json?include=users`);
    const ticket = json?.ticket;
    if (!ticket) return;
    const user = json.users?.find((person: { id: unknown }) => person.id === ticket.requester_id);
    // A ticket an agent filed for themselves has no customer to co-browse with.
    if (user && user.role !== 'end-user') return {};
    return {
      email: user?.email,
      name: user?.name,
      externalId: user?.external_id,
      helpdeskUserId: ticket.requester_id,
      text: ticket.description,
    };
  },
  // GET /api/v2/users/me.json: {user:{id,name,email,role}}; an end user is no agent.
  async agent(get) {
    const user = (await get('/api/v2/users/me.json'))?.user;
    return user?.role != 'end-user' ? user : undefined;
  },
  scope: '.workspace:has([data-side-conversations-anchor-id="{id}"])',
  email: '[data-garden-id="tags.avatar"]',
  name: '[data-test-id="ticket-system-field-requester-select"]',
  anchor: '[data-test-id="ticket-system-field-requester-select"]',
};
