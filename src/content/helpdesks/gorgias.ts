import { join, type Adapter } from '../adapter';

// Gorgias's own router counts `/app/views/{view}/{id}` and `/app/tickets/{view}/{id}` as ticket
// pages besides `/app/ticket/{id}` (its front-end's isStrictTicketPath). The REST ticket carries
// its customer; an email-less customer may still have an email channel.
export const gorgias: Adapter = {
  id: 'gorgias',
  url: /^\/app\/(?:ticket|(?:tickets|views)\/\d+)\/(\d+)(?:[/?#]|$)/,
  async api(ticket, get) {
    const customer = (await get(`/api/tickets/${ticket.id}`))?.customer;
    return (
      customer && {
        email:
          customer.email ||
          customer.channels?.find((c: { type: unknown }) => c.type == 'email')?.address,
        name: customer.name || join(customer.firstname, customer.lastname),
        externalId: customer.external_id,
        helpdeskUserId: customer.id,
      }
    );
  },
};
