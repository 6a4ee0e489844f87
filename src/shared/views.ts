// What the worker tells other contexts about a visitor. Content scripts get only a BadgeView:
// words and a flag, never the key and never the raw API payload.

export type PresenceState =
  | 'online'
  | 'waiting'
  | 'in_session'
  | 'offline'
  | 'unsupported'
  | 'not_found'
  | 'not_configured'
  | 'rate_limited'
  | 'error'
  | 'disabled';

export interface BadgeView {
  state: PresenceState;
  /** A few words for the badge itself, e.g. "Online" or "Offline · 3 h ago". */
  label: string;
  /** A full sentence: tooltip and accessible description. */
  title: string;
  /** Whether one click can start co-browsing now. */
  canStart: boolean;
}

/** One visitor matching a ticket's customer, with why it ranks where it does. */
export interface Candidate {
  shortId: string;
  state: PresenceState;
  /** Short reason shown next to the visitor, e.g. "online on mobile" or "seen 5 min ago". */
  reason: string;
  /** How the visitor was found, e.g. "email" or "lookup code". */
  matchedBy: string;
}

export interface ErrorInfo {
  kind: string;
  message: string;
  retryAfterMs?: number | null;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };
