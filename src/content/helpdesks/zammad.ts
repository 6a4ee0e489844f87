import { join, type Adapter } from '../adapter';

// The classic desktop app (#ticket/zoom/12, also served as /desktop/ticket/zoom/12), the new
// desktop view and the mobile one. The classic app keeps every open ticket in the DOM; the one
// in view is `.content.active`, as Zammad's own tests find it.
export const zammad: Adapter = {
  id: 'zammad',
  url: /(?:(?:#|^\/desktop\/)ticket\/zoom\/|^\/(?:desktop|mobile)\/tickets\/)(\d+)(?:[/?#]|$)/,
  async api(ticket, get) {
    const assets = (await get(`/api/v1/tickets/${ticket.id}?all=true`))?.assets;
    const customerId = assets?.Ticket?.[ticket.id]?.customer_id;
    const user = assets?.User?.[customerId];
    return (
      user && {
        email: user.email,
        name: join(user.firstname, user.lastname),
        helpdeskUserId: customerId,
      }
    );
  },
  // GET /api/v1/users/me: {id, firstname, lastname, email, …}.
  async agent(get) {
    const me = await get('/api/v1/users/me');
    return me && { ...me, name: join(me.firstname, me.lastname) };
  },
  scope: '.content.active',
  anchor: '.ticketZoom-header .js-objectTitle',
};
