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

/**
 * The worker keeps each tab's answer under `tab:<tabId>` in storage.session. A page that stays
 * open (the side panel) watches those keys change to know when to ask again; it reads the answer
 * itself through the worker, checked there.
 */
export const TAB_STATE_PREFIX = 'tab:';

export interface BadgeView {
  state: PresenceState;
  /** The badge's own words: who and what a click does, e.g. "Co-browse with Jane · Online". */
  label: string;
  /** A full sentence: tooltip and accessible description. */
  title: string;
  /** Whether one click can start co-browsing now: only then is the badge filled. */
  canStart: boolean;
  /** The state's colour from the one table of states (src/wording/states.ts). */
  color?: string;
  /**
   * What a click opens when it starts nothing: the popup to choose or check a visitor, or the
   * settings when the extension is not set up.
   */
  opens?: 'popup' | 'settings';
  /**
   * A visitor was found only by what anyone can write in a ticket (a name, a lookup code): a
   * click on the badge opens the popup for the agent to check, and never starts co-browsing.
   */
  possible?: boolean;
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
 * Whether a visitor found this way is only a possible match. A customer chooses their own display
 * name and can write any code in a ticket, so neither proves who they are; the website's user id,
 * the email and the helpdesk's user id do. Nothing (null) is no proof either.
 */
export function isPossibleMatch(matchedBy: MatchedBy | null | undefined): boolean {
  return !matchedBy || matchedBy.kind === 'name' || matchedBy.kind === 'lookup_code';
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
