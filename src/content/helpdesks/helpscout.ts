import type { Adapter } from '../adapter';

// No same-origin JSON: the customer's addresses are mailto: links in the conversation sidebar.
// No public evidence confirms these selectors (docs/helpdesks.md): a guess until checked live.
export const helpscout: Adapter = {
  id: 'helpscout',
  url: /^\/conversation\/(\d+)(?:[/?#]|$)/,
  email: '.c-conversation-sidebar a[href^="mailto:"]',
  name: '.c-conversation-sidebar .c-customer-name',
};
