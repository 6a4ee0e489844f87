import { isAuthErrorKind, type Visitor } from '../api';
import { timeAgo } from '../shared/time';
import type { BadgeView, ErrorInfo } from '../shared/views';
import type { LookupResult } from './lookup';
import { presenceOf, visitorLabel } from './ranking';

// The words a badge and the toolbar show. Worked out here so the content script stays tiny and
// never needs more than these strings.

export function viewForVisitor(visitor: Visitor, ambiguous: boolean, now = Date.now()): BadgeView {
  const who = visitorLabel(visitor);
  const more = ambiguous ? ' Several visitors match: open the popup to choose.' : '';
  switch (presenceOf(visitor)) {
    case 'waiting':
      return {
        state: 'waiting',
        label: 'Waiting for a call',
        title: `${who} is waiting for a call. Start co-browsing.${more}`,
        canStart: !ambiguous,
      };
    case 'online':
      return {
        state: 'online',
        label: 'Online',
        title: `${who} is on your website now. Start co-browsing.${more}`,
        canStart: !ambiguous,
      };
    case 'in_session':
      return {
        state: 'in_session',
        label: 'In a session',
        title: `${who} is already in a co-browsing session. Join it.${more}`,
        canStart: !ambiguous,
      };
    case 'unsupported':
      return {
        state: 'unsupported',
        label: 'Browser not supported',
        title: `${who} is online, but their browser does not support co-browsing.`,
        canStart: false,
      };
    default: {
      const ago = timeAgo(visitor.last_seen_at, now);
      return {
        state: 'offline',
        label: ago ? `Offline · ${ago}` : 'Offline',
        title: `${who} is not on your website${ago ? `; last seen ${ago}` : ''}.`,
        canStart: false,
      };
    }
  }
}

export function viewForLookup(result: LookupResult, now = Date.now()): BadgeView {
  const best = result.visitors[0];
  if (!best) {
    return {
      state: 'not_found',
      label: 'Not seen',
      title: 'No Upscope visitor matches this customer.',
      canStart: false,
    };
  }
  return viewForVisitor(best, result.ambiguous, now);
}

/** Failures only the agent can fix, in the settings or with their Upscope team. */
function needsSetup(kind: string): boolean {
  return isAuthErrorKind(kind) || ['no_key', 'no_agent', 'endpoint_not_found'].includes(kind);
}

export function viewForError(error: ErrorInfo): BadgeView {
  if (needsSetup(error.kind)) {
    return { state: 'not_configured', label: 'Set up', title: error.message, canStart: false };
  }
  if (error.kind === 'rate_limited' || error.kind === 'tab_rate_limited') {
    return { state: 'rate_limited', label: 'Paused', title: error.message, canStart: false };
  }
  return { state: 'error', label: 'Unavailable', title: error.message, canStart: false };
}

export const DISABLED_VIEW: BadgeView = {
  state: 'disabled',
  label: 'Off',
  title: 'Co-browse is turned off for this helpdesk in the extension settings.',
  canStart: false,
};
