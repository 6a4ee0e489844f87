import { join, type Adapter } from '../adapter';

// The classic desktop app (#ticket/zoom/12), the new desktop view and the mobile one.
export const zammad: Adapter = {
  id: 'zammad',
  url: /(?:#ticket\/zoom\/|^\/(?:desktop|mobile)\/tickets\/)(\d+)(?:[/?#]|$)/,
  async api(t, get) {
    const assets = (await get(`/api/v1/tickets/${t.id}?all=true`))?.assets;
    const cid = assets?.Ticket?.[t.id]?.customer_id;
    const u = assets?.User?.[cid];
    return u && { email: u.email, name: join(u.firstname, u.lastname), helpdeskUserId: cid };
  },
  anchor: '.ticketZoom-header .js-objectTitle',
};
