import type { Adapter } from '../adapter';

export const livechat: Adapter = {
  id: 'livechat',
  url: /^\/(?:chats|archives)\/([A-Z0-9]{6,})(?:[/?#]|$)/,
  email: '[data-testid="customer-details"] a[href^="mailto:"]',
  name: '[data-testid="customer-details"] [data-testid="customer-name"]',
};
