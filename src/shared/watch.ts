import type { HelpdeskId } from './helpdesks';

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
  helpdesk: HelpdeskId;
  ticketId: string | null;
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
