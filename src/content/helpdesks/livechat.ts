import type { Adapter } from '../adapter';

// The URL is confirmed (/chats/{chat}/{thread}); no public evidence confirms these selectors
// (docs/helpdesks.md): a guess until checked live.
export const livechat: Adapter = {
  id: 'livechat',
  url: /^\/(?:chats|archives)\/([A-Z0-9]{6,})(?:[/?#]|$)/,
  email: '[data-testid="customer-details"] a[href^="mailto:"]',
  name: '[data-testid="customer-details"] [data-testid="customer-name"]',
};
