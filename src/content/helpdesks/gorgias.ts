import type { Adapter } from '../adapter';

export const gorgias: Adapter = {
  id: 'gorgias',
  url: /^\/app\/ticket\/(\d+)(?:[/?#]|$)/,
  async api(ticket, get) {
    const customer = (await get(`/api/tickets/${ticket.id}`))?.customer;
    return (
      customer && {
        email: customer.email,
        name: customer.name,
        externalId: customer.external_id,
        helpdeskUserId: customer.id,
      }
    );
  },
};
