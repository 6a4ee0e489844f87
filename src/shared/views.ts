import type { HelpdeskId } from './helpdesks';

// What the worker tells other contexts about a visitor. Content scripts get only a BadgeView:
// words and a flag, never the key and never the raw API payload.

export const PRESENCE_STATES = [
  'online',
  'waiting',
  'in_session',
  'offline',
  'unsupported',
  'not_found',
  'not_configured',
  'rate_limited',
  'error',
  'disabled',
] as const;

export type PresenceState = (typeof PRESENCE_STATES)[number];

export interface BadgeView {
  state: PresenceState;
  /** A few words for the badge itself, e.g. "Online" or "Offline · 3 h ago". */
  label: string;
  /** A full sentence: tooltip and accessible description. */
  title: string;
  /** Whether one click can start co-browsing now. */
  canStart: boolean;
  /**
   * Issued by the worker with each view it gives a tab: a start from the badge names the view the
   * agent saw, and the worker refuses one that is no longer that tab's current view.
   */
  nonce?: string;
}

/** The ways a visitor can be found, most precise first; the pages word them. */
export const MATCH_KINDS = [
  'user_id',
  'email',
  'helpdesk_user_id',
  'lookup_code',
  'name',
  'search',
] as const;

/** How a visitor was found: by which identity, and for a helpdesk's own user id, which helpdesk. */
export interface MatchedBy {
  kind: (typeof MATCH_KINDS)[number];
  helpdesk?: HelpdeskId;
}

/**
 * One visitor matching a ticket's customer. The reason it ranks where it does is worded where it
 * is shown, from the visitor, so it follows the reader's language and clock.
 */
export interface Candidate {
  shortId: string;
  state: PresenceState;
  matchedBy: MatchedBy;
}

export interface ErrorInfo {
  kind: string;
  message: string;
  retryAfterMs?: number | null;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
