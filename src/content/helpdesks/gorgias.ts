import type { Adapter } from '../adapter';

export const gorgias: Adapter = {
  id: 'gorgias',
  url: /^\/app\/ticket\/(\d+)(?:[/?#]|$)/,
  async api(t, get) {
    const c = (await get(`/api/tickets/${t.id}`))?.customer;
    return c && { email: c.email, name: c.name, externalId: c.external_id, helpdeskUserId: c.id };
  },
};
