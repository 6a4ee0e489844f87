import { z } from 'zod';
import { inTurn } from './in-turn';
import { storageFamily } from './storage-item';

/**
 * Searches one tab may send to the network per minute, so a page that keeps changing cannot burn
 * the team's API quota. Answers from the cache do not count.
 */
export const TAB_LOOKUPS_PER_MINUTE = 12;
const WINDOW_MS = 60_000;

/** When each of a tab's recent searches went out, under `rate:<tabId>` in storage.session. */
const sent = storageFamily('session', 'rate:', z.array(z.number()));

/** Takes from a tab's budget one at a time: concurrent asks must not all read the same count. */
const oneAtATime = inTurn<number>();

async function take(tabId: number): Promise<boolean> {
  const now = Date.now();
  const recent = ((await sent.get(tabId)) ?? []).filter((at) => now - at < WINDOW_MS);
  if (recent.length >= TAB_LOOKUPS_PER_MINUTE) return false;
  await sent.set(tabId, [...recent, now]);
  return true;
}

export function tabBudget(tabId: number): () => Promise<boolean> {
  return () => oneAtATime(tabId, () => take(tabId));
}

export async function forgetTabBudget(tabId: number): Promise<void> {
  await sent.remove(tabId);
}
