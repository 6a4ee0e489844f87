import { z } from 'zod';
import type { Visitor } from '../api';
import { SHORT_ID_PATTERN } from '../api/short-id';
import { HELPDESK_IDS } from '../shared/helpdesks';
import type { WatchedView, WatchListReply } from '../shared/protocol';
import { strongSearch } from '../shared/watch';
import { isPossibleMatch, MATCH_KINDS } from '../shared/views';
import { visitorLabel } from '../wording/visitor';
import { queriesFor, searchCached } from './lookup';
import { Problem } from './problems';
import { rankVisitors } from './ranking';
import { loadSettings } from './settings-store';
import { storageItem } from './storage-item';
import { getTabState } from './tab-state';

// Customers the agent asked to hear about when they come back to the website. Kept in
// storage.session: a stopped worker forgets nothing, and the list empties when the browser
// closes (a wish to be told belongs to this sitting, not to the next day). Bounded in number and
// age. The presence alarm checks them through the same lookup cache as the open
// tickets, so a watched customer whose ticket is open costs no request of its own.

/** At most this many customers are watched at once. */
export const MAX_WATCHED = 20;
/** A wish to be told expires after a working shift. */
export const WATCH_TTL_MS = 8 * 60 * 60 * 1000;
/**
 * Searches one check may send to the network. The search syntax has no OR (every token must
 * match), so each watched customer is one search; with more watched than this, the ones checked
 * longest ago go first and every one is checked within ⌈watched / 5⌉ presence periods.
 */
export const MAX_WATCH_SEARCHES_PER_CHECK = 5;

const WatchEntrySchema = z.object({
  id: z.string().regex(SHORT_ID_PATTERN),
  name: z.string().max(256),
  /** The ticket's search that found the customer by an identity that proves who they are. */
  query: z.string().min(1).max(256),
  matchedBy: z.object({ kind: z.enum(MATCH_KINDS), helpdesk: z.enum(HELPDESK_IDS).optional() }),
  /** Null for a customer the agent found with the popup's search rather than on a ticket. */
  helpdesk: z.enum(HELPDESK_IDS).nullable(),
  ticketId: z.string().max(256).nullable(),
  tabId: z.number().int().nullable(),
  ticketUrl: z.string().max(2048).nullable(),
  addedAt: z.number(),
  /** On the website at the last check; the notice went out when this turned true. */
  back: z.boolean(),
  /** The visitor to start co-browsing with while back. */
  backShortId: z.string().regex(SHORT_ID_PATTERN).nullable(),
  checkedAt: z.number().nullable(),
});
export type WatchEntry = z.infer<typeof WatchEntrySchema>;

export const WATCHLIST_STORAGE_KEY = 'watchlist';
const stored = storageItem(
  'session',
  WATCHLIST_STORAGE_KEY,
  z.array(WatchEntrySchema).max(MAX_WATCHED),
  () => [],
);

const alive = (entry: WatchEntry, now: number) =>
  entry.addedAt <= now && now - entry.addedAt < WATCH_TTL_MS;

/**
 * Every change to the list runs here, one after another: two checks (an alarm and a popup) or a
 * check and a removal never write over each other, and a return is decided once.
 */
let queue: Promise<unknown> = Promise.resolve();

function mutate<T>(change: (entries: WatchEntry[], now: number) => [WatchEntry[], T]): Promise<T> {
  const run = queue.then(async () => {
    const now = Date.now();
    const before = await stored.get();
    const current = before.filter((entry) => alive(entry, now));
    const [next, result] = change(current, now);
    if (next !== current || current.length !== before.length) await stored.set(next);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The live entries, expired ones dropped from storage. */
export function watchedEntries(): Promise<WatchEntry[]> {
  return mutate((entries) => [entries, entries]);
}

export async function findWatched(id: string): Promise<WatchEntry | null> {
  return (await watchedEntries()).find((entry) => entry.id === id) ?? null;
}

function viewOf(entry: WatchEntry): WatchedView {
  return {
    id: entry.id,
    name: entry.name,
    addedAt: entry.addedAt,
    expiresAt: entry.addedAt + WATCH_TTL_MS,
    helpdesk: entry.helpdesk,
    ticketId: entry.ticketId,
    query: entry.query,
    back: entry.back,
    checkedAt: entry.checkedAt,
  };
}

export async function watchListReply(entries?: WatchEntry[]): Promise<WatchListReply> {
  const { notifyWhenBack } = await loadSettings();
  const list = entries ?? (await watchedEntries());
  return { entries: list.map(viewOf), enabled: notifyWhenBack, max: MAX_WATCHED };
}

/**
 * Watches the customer of the ticket in `tabId`, found there as visitor `shortId`. Only a match
 * that proves who the customer is may be watched: a notice would otherwise name a stranger.
 */
export async function addWatched(tabId: number, shortId: string): Promise<WatchEntry[]> {
  const { notifyWhenBack } = await loadSettings();
  if (!notifyWhenBack) throw new Problem('watch_off', 'problemWatchOff');
  const state = await getTabState(tabId);
  const visitor = state?.visitors.find((v) => v.short_id === shortId);
  if (!state || !visitor) throw new Problem('no_visitor', 'problemNoVisitor');
  const matchedBy = state.candidates.find((c) => c.shortId === shortId)?.matchedBy;
  const search = queriesFor(state.identities, state.helpdesk).find(
    (q) => q.matchedBy.kind === matchedBy?.kind,
  );
  if (!matchedBy || isPossibleMatch(matchedBy) || !search) {
    throw new Problem('possible_match', 'problemWatchWeak');
  }
  // The browser's word for where the ticket is (see ticket/identify), https only.
  const ticketUrl = state.ticketUrl ?? null;
  const online = state.visitors.find((v) => v.is_online);
  return put({
    id: shortId,
    name: visitorLabel(visitor),
    query: search.query,
    matchedBy,
    helpdesk: state.helpdesk,
    ticketId: state.ticketId,
    tabId,
    ticketUrl,
    // Already on the website: the notice waits for them to leave and come back.
    back: online !== undefined,
    backShortId: online?.short_id ?? null,
    checkedAt: null,
  });
}

/**
 * Watches a customer the agent found with the popup's search, by what they searched: only a
 * search that names one customer (see strongSearch), and only a visitor that search finds.
 */
export async function addWatchedFound(shortId: string, query: string): Promise<WatchEntry[]> {
  const settings = await loadSettings();
  if (!settings.notifyWhenBack) throw new Problem('watch_off', 'problemWatchOff');
  const matchedBy = strongSearch(query);
  if (!matchedBy) throw new Problem('possible_match', 'problemWatchWeak');
  const search = query.trim();
  const visitors = await searchCached(search, settings.freshnessSeconds * 1000, async () => true);
  const visitor = visitors.find((v) => v.short_id === shortId);
  if (!visitor) throw new Problem('no_visitor', 'problemNoVisitor');
  return put({
    id: shortId,
    name: visitorLabel(visitor),
    query: search,
    matchedBy,
    helpdesk: null,
    ticketId: null,
    tabId: null,
    ticketUrl: null,
    back: visitor.is_online === true,
    backShortId: visitor.is_online === true ? shortId : null,
    checkedAt: null,
  });
}

/**
 * Adds a watched customer, in place of any entry for the same visitor or the same search, within
 * the limit of MAX_WATCHED.
 */
function put(entry: Omit<WatchEntry, 'addedAt'>): Promise<WatchEntry[]> {
  return mutate((entries, now) => {
    const query = entry.query.toLowerCase();
    const others = entries.filter((e) => e.id !== entry.id && e.query.toLowerCase() !== query);
    if (others.length >= MAX_WATCHED) {
      throw new Problem('watch_full', ['problemWatchFull', MAX_WATCHED]);
    }
    const next = [...others, { ...entry, addedAt: now }];
    return [next, next];
  });
}

export function removeWatched(id: string): Promise<WatchEntry[]> {
  return mutate((entries) => {
    const next = entries.filter((entry) => entry.id !== id);
    return [next, next];
  });
}

/** Whether anything is watched while notices are on: the presence alarm keeps running for it. */
export async function watching(): Promise<boolean> {
  const { notifyWhenBack } = await loadSettings();
  return notifyWhenBack && (await watchedEntries()).length > 0;
}

/** The best visitor of a watched customer when one is on the website, else null. */
function onlineVisitor(entry: WatchEntry, visitors: Visitor[]): Visitor | null {
  const best = rankVisitors(visitors, entry.matchedBy).visitors[0];
  return best?.is_online ? best : null;
}

export interface Return {
  entry: WatchEntry;
  visitor: Visitor;
}

/** What one check found: who came back (notify them) and who left again (their notice goes). */
export interface CheckOutcome {
  returned: Return[];
  left: WatchEntry[];
  /** Searches that went to the network. */
  searches: number;
}

async function check(): Promise<CheckOutcome> {
  const settings = await loadSettings();
  const none: CheckOutcome = { returned: [], left: [], searches: 0 };
  if (!settings.notifyWhenBack) return none;
  const entries = await watchedEntries();
  if (entries.length === 0) return none;
  const due = [...entries].sort((a, b) => (a.checkedAt ?? 0) - (b.checkedAt ?? 0));
  let left = MAX_WATCH_SEARCHES_PER_CHECK;
  let searches = 0;
  // Answers still fresh in the cache (an open ticket looked them up) cost nothing here.
  const budget = async () => {
    if (left <= 0) return false;
    left--;
    searches++;
    return true;
  };
  const found = await Promise.all(
    due.map(async (entry) => {
      try {
        const visitors = await searchCached(entry.query, settings.freshnessSeconds * 1000, budget);
        return { id: entry.id, visitor: onlineVisitor(entry, visitors) };
      } catch {
        // Over this check's budget, or the API failed: checked again next time.
        return null;
      }
    }),
  );
  const outcome = await mutate<CheckOutcome>((current, now) => {
    const result: CheckOutcome = { returned: [], left: [], searches };
    const next = current.map((entry) => {
      const answer = found.find((f) => f?.id === entry.id);
      if (!answer) return entry;
      const { visitor } = answer;
      const updated: WatchEntry = {
        ...entry,
        checkedAt: now,
        back: visitor !== null,
        backShortId: visitor?.short_id ?? null,
      };
      // Decided here, inside the queue, against what is stored: one notice per return.
      if (visitor && !entry.back) result.returned.push({ entry: updated, visitor });
      if (!visitor && entry.back) result.left.push(updated);
      return updated;
    });
    return [next, result];
  });
  return outcome;
}

/**
 * Checks the watched customers once. Whether someone came back is decided against what is stored,
 * inside the list's queue: checks that overlap (or a worker restarted mid-check) report each
 * return once.
 */
export const checkWatched = check;
