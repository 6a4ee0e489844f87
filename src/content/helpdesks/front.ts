import type { Adapter } from '../adapter';

// A conversation is a deep link (/open/cnv_…) or a number after its folder's status
// (…/open/123, …/all/123); folders, views and searches end in other words or in 0.
// Front renders each message's sender as "Name <address>" in a handle span (hashed CSS-module
// classes keep their component prefix); the To and Cc lines beside it, where the agent's own
// address shows, are other elements. The first message's sender opened the conversation.
export const front: Adapter = {
  id: 'front',
  url: /^\/(?:open\/(cnv_[a-z0-9]+)|inboxes\/.+\/(?:open|all|archived|snoozed|assigned|unassigned|trash|spam)\/([1-9]\d*))(?:[/?#]|$)/,
  scope: '[data-testid^="viewer-"]',
  email: '[class*="messageViewerRecipient__StyledHandleSpan"]',
};
