import type { Adapter } from '../adapter';

// Zoho's agent API wants an orgId header only the page's own scripts hold, so the contact
// card in the ticket's right panel is read instead.
export const zohodesk: Adapter = {
  id: 'zohodesk',
  url: /^\/agent\/[^/]+\/[^/]+\/tickets\/details\/(\d+)(?:[/?#]|$)/,
  email: '[data-id="contactEmail"], [data-id="ticketContactEmail"] a[href^="mailto:"]',
  name: '[data-id="contactName"]',
};
