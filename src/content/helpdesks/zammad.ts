import { join, type Adapter } from '../adapter';

// The classic desktop app (#ticket/zoom/12), the new desktop view and the mobile one.
export const zammad: Adapter = {
  id: 'zammad',
  url: /(?:#ticket\/zoom\/|^\/(?:desktop|mobile)\/tickets\/)(\d+)(?:[/?#]|$)/,
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
  anchor: '.ticketZoom-header .js-objectTitle',
};
