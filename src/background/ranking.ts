import type { Visitor } from '../api';
import type { Candidate, MatchedBy } from '../shared/views';
import { presenceOf } from '../wording/visitor';

/**
 * Ordering, best first: online, waiting for a call, not already in a session, browser supported,
 * most recently seen. Several visitors can be one person on several devices or tabs.
 */
function sortKey(visitor: Visitor): number[] {
  const seen = Date.parse(visitor.last_seen_at ?? '') || 0;
  return [
    visitor.is_online ? 1 : 0,
    visitor.is_waiting_for_call ? 1 : 0,
    visitor.is_in_session ? 0 : 1,
    visitor.is_supported === false ? 0 : 1,
    seen,
  ];
}

/** The sort keys that say how available a visitor is; the last one, recency, only orders them. */
const AVAILABILITY_KEYS = 4;

function compare(a: number[], b: number[], upTo = a.length): number {
  for (let i = 0; i < upTo; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface Ranking {
  visitors: Visitor[];
  candidates: Candidate[];
  /**
   * True when the top two are equally available (both online, neither in a session, same call
   * status): only recency separates them, which is not enough to pick a person's device.
   */
  ambiguous: boolean;
  /**
   * How many visitors tie with the best one when ambiguous (equally available, told apart only by
   * recency), so the popup can say "2 of 3"; 0 otherwise.
   */
  tied: number;
}

export function rankVisitors(visitors: Visitor[], matchedBy: MatchedBy): Ranking {
  const keyed = visitors.map((visitor) => ({ visitor, key: sortKey(visitor) }));
  keyed.sort((a, b) => compare(a.key, b.key));
  const first = keyed[0];
  const tied =
    first !== undefined && first.visitor.is_online === true
      ? keyed.filter((k) => compare(first.key, k.key, AVAILABILITY_KEYS) === 0).length
      : 0;
  const ambiguous = tied > 1;
  return {
    visitors: keyed.map((k) => k.visitor),
    candidates: keyed.map(({ visitor }) => ({
      shortId: visitor.short_id,
      state: presenceOf(visitor),
      matchedBy,
    })),
    ambiguous,
    tied: ambiguous ? tied : 0,
  };
}
