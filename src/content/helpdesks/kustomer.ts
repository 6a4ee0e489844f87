import type { Adapter } from '../adapter';

// The customer's Kustomer id is in the URL itself; their address is on the customer card, whose
// selectors no public evidence confirms (docs/helpdesks.md).
export const kustomer: Adapter = {
  id: 'kustomer',
  url: /^\/app\/customers\/(?<uid>[0-9a-f]{24})(?:\/event\/(?<conv>[0-9a-f]{24}))?/,
  email: '[data-kt="customerEmail"], .customer-info a[href^="mailto:"]',
  name: '[data-kt="customerName"]',
};
