import type { Adapter } from '../adapter';

// Deep links (/open/cnv_…) and in-app views ending in the conversation's number; the
// recipient's handle is shown in the conversation header.
export const front: Adapter = {
  id: 'front',
  url: /^\/(?:open\/(cnv_[a-z0-9]+)|inboxes\/.*\/(\d+))(?:[?#]|$)/,
  email:
    '[data-testid="conversation-recipient"] [title*="@"], [class*="recipient"] a[href^="mailto:"]',
};
