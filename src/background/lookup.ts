import { z } from 'zod';
import { VisitorSchema, type Visitor } from '../api';
import type { HelpdeskId } from '../shared/helpdesks';
import type { Identities } from '../shared/identities';
import { plainName } from '../shared/plain-name';
import { isPossibleMatch, type MatchedBy } from '../shared/views';
import { withApi } from './api-access';
import { Problem } from './problems';
import { rankVisitors, type Ranking } from './ranking';
import { storageFamily } from './storage-item';

/** A search is cached with at most this many visitors: a ticket's customer is one person. */
const MAX_CACHED_VISITORS = 20;

const CacheEntrySchema = z.object({ at: z.number(), visitors: z.array(VisitorSchema) });

/** Answers to searches, under `lookup:<query in lower case>` in storage.session. */
const cache = storageFamily('session', 'lookup:', CacheEntrySchema);
type CacheEntry = z.infer<typeof CacheEntrySchema>;

/** The cache never holds more searches than this, nor more than about this many characters. */
export const MAX_CACHED_QUERIES = 100;
export const MAX_CACHE_CHARS = 1_000_000;

/**
 * Stores one answer and keeps the cache bounded: answers past the freshness window go, then the
 * oldest ones until at most MAX_CACHED_QUERIES and MAX_CACHE_CHARS (as JSON) are left.
 */
async function store(id: string, entry: CacheEntry, maxAgeMs: number): Promise<void> {
  const others = [...(await cache.entries())]
    .filter(([other, { at }]) => other !== id && entry.at - at < maxAgeMs)
    .sort(([, a], [, b]) => b.at - a.at);
  const keep = new Set([id]);
  let chars = JSON.stringify(entry).length;
  for (const [other, stored] of others) {
    chars += JSON.stringify(stored).length;
    if (keep.size >= MAX_CACHED_QUERIES || chars > MAX_CACHE_CHARS) break;
    keep.add(other);
  }
  const drop = (await cache.ids()).filter((other) => !keep.has(other));
  await Promise.all(drop.map((other) => cache.remove(other)));
  await cache.set(id, entry);
}

/**
 * Searches in flight, shared by every tab, badge and popup that asks the same question. Only a
 * request in progress lives here; results live in storage.session.
 */
const inflight = new Map<string, Promise<Visitor[]>>();

export interface SearchQuery {
  query: string;
  /** Shown to the agent: how the visitor was found. */
  matchedBy: MatchedBy;
}

/** The searches that can find a ticket's customer, most precise first (see the API notes). */
export function queriesFor(ids: Identities, helpdesk: HelpdeskId): SearchQuery[] {
  const queries: SearchQuery[] = [];
  if (ids.externalId) {
    queries.push({ query: `id:${ids.externalId}`, matchedBy: { kind: 'user_id' } });
  }
  if (ids.email) queries.push({ query: ids.email, matchedBy: { kind: 'email' } });
  if (ids.helpdeskUserId) {
    queries.push({
      query: `integration_id:${helpdesk}:${ids.helpdeskUserId}`,
      matchedBy: { kind: 'helpdesk_user_id', helpdesk },
    });
  }
  if (ids.lookupCode) queries.push({ query: ids.lookupCode, matchedBy: { kind: 'lookup_code' } });
  const name = ids.name ? plainName(ids.name) : null;
  if (name) queries.push({ query: name, matchedBy: { kind: 'name' } });
  return queries;
}

/** Asked before a search goes to the network; false refuses it (a per-tab limit). */
export type NetworkBudget = () => Promise<boolean>;

function slim(visitor: Visitor): Visitor {
  // The public key and history add nothing to a presence lookup.
  const { api_key: _key, history: _history, ...rest } = visitor;
  return rest as Visitor;
}

/** One search, answered from the cache while fresh, with concurrent callers sharing one request. */
export function searchCached(
  query: string,
  maxAgeMs: number,
  budget: NetworkBudget,
): Promise<Visitor[]> {
  const id = query.toLowerCase();
  const key = cache.key(id);
  const running = inflight.get(key);
  if (running) return running;
  const search = (async () => {
    const stored = await cache.get(id);
    if (stored && Date.now() - stored.at < maxAgeMs) return stored.visitors;
    if (!(await budget())) {
      throw new Problem('tab_rate_limited', 'problemTabRateLimited', { retryAfterMs: 60_000 });
    }
    const visitors = (await withApi((api) => api.searchVisitors(query)))
      .slice(0, MAX_CACHED_VISITORS)
      .map(slim);
    await store(id, { at: Date.now(), visitors }, maxAgeMs);
    return visitors;
  })().finally(() => inflight.delete(key));
  inflight.set(key, search);
  return search;
}

/**
 * Rewrites one visitor wherever a cached search holds them, keeping each answer's age: what the
 * agent just did (a session stopped) is known before Upscope's next answer says it. Returns the
 * visitor as rewritten, or null when no cached search held them.
 */
export async function updateCachedVisitor(
  shortId: string,
  change: (visitor: Visitor) => Visitor,
): Promise<Visitor | null> {
  let updated: Visitor | null = null;
  for (const [id, entry] of await cache.entries()) {
    if (!entry.visitors.some((v) => v.short_id === shortId)) continue;
    const visitors = entry.visitors.map((v) => (v.short_id === shortId ? change(v) : v));
    updated ??= visitors.find((v) => v.short_id === shortId) ?? null;
    await cache.set(id, { ...entry, visitors });
  }
  return updated;
}

export interface LookupResult extends Ranking {
  /** How the visitors were found, or null when nobody matched. */
  matchedBy: MatchedBy | null;
  /** Found only by a name or a code from the ticket: the agent confirms in the popup. */
  possible: boolean;
}

/** Finds the visitors behind a ticket's customer, trying each identity in turn. */
export async function lookupCustomer(
  ids: Identities,
  helpdesk: HelpdeskId,
  maxAgeMs: number,
  budget: NetworkBudget,
): Promise<LookupResult> {
  for (const { query, matchedBy } of queriesFor(ids, helpdesk)) {
    const visitors = await searchCached(query, maxAgeMs, budget);
    if (visitors.length > 0) {
      return {
        ...rankVisitors(visitors, matchedBy),
        matchedBy,
        possible: isPossibleMatch(matchedBy),
      };
    }
  }
  return {
    visitors: [],
    candidates: [],
    ambiguous: false,
    tied: 0,
    matchedBy: null,
    possible: false,
  };
}

/** Forgets every cached search, e.g. when the key or the API endpoint changes. */
export async function clearLookupCache(): Promise<void> {
  await cache.clear();
}
