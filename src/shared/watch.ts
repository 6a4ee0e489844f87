import { HELPDESK_IDS, type HelpdeskId } from './helpdesks';
import type { MatchedBy } from './views';

// The watch list as the pages see it ("Notify me when they're online"): the worker keeps more
// (src/background/watchlist.ts) and replies with this.

/** One customer the agent asked to be told about when they come back to the website. */
export interface WatchedView {
  /** The visitor id the agent asked about; the watch list's key. */
  id: string;
  name: string;
  /** When the agent asked (ms since the epoch); the entry goes at `expiresAt`. */
  addedAt: number;
  expiresAt: number;
  /** Null when the agent found them with the popup's search, not on a ticket. */
  helpdesk: HelpdeskId | null;
  ticketId: string | null;
  /** What finds them: the ticket's identity, or the agent's own search. */
  query: string;
  /** On the website at the last check (and the agent was notified). */
  back: boolean;
  /** When the last check ran, or null before the first. */
  checkedAt: number | null;
}

export interface WatchListReply {
  entries: WatchedView[];
  /** Whether notifications are on in the settings: off, nothing is checked or added. */
  enabled: boolean;
  /** At most this many customers are watched at once. */
  max: number;
}

/**
 * What an agent's own search proves: an email, the website's user id (`id:…`) or a helpdesk's
 * user id (`integration_id:<helpdesk>:…`) name one customer; a name or a code may be anyone's.
 */
export function strongSearch(query: string): MatchedBy | null {
  const text = query.trim();
  if (/^id:\S+$/.test(text)) return { kind: 'user_id' };
  const integration = /^integration_id:([a-z]+):\S+$/.exec(text)?.[1];
  if (integration && (HELPDESK_IDS as readonly string[]).includes(integration)) {
    return { kind: 'helpdesk_user_id', helpdesk: integration as HelpdeskId };
  }
  return /^[^\s@:]+@[^\s@:]+\.[^\s@:]+$/.test(text) ? { kind: 'email' } : null;
}
