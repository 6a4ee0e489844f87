import { z } from 'zod';
import { VisitorSchema } from '../api';
import { HELPDESK_IDS } from '../shared/helpdesks';
import { IdentitiesSchema } from '../shared/identities';
import type { TabState } from '../shared/protocol';
import {
  isPossibleMatch,
  MATCH_KINDS,
  PRESENCE_STATES,
  TAB_STATE_PREFIX,
  type BadgeView,
} from '../shared/views';
import { storageFamily } from './storage-item';

export type { TabState };

const BadgeViewSchema = z.object({
  state: z.enum(PRESENCE_STATES),
  label: z.string(),
  title: z.string(),
  canStart: z.boolean(),
  possible: z.boolean().optional(),
  color: z.string().optional(),
  opens: z.enum(['popup', 'settings']).optional(),
  nonce: z.string().optional(),
}) satisfies z.ZodType<BadgeView>;

const CandidateSchema = z.object({
  shortId: z.string(),
  state: z.enum(PRESENCE_STATES),
  matchedBy: z.object({ kind: z.enum(MATCH_KINDS), helpdesk: z.enum(HELPDESK_IDS).optional() }),
});

/** The protocol's TabState as kept in storage.session, checked when read back. */
export const TabStateSchema: z.ZodType<TabState> = z.object({
  helpdesk: z.enum(HELPDESK_IDS),
  ticketId: z.string().nullable(),
  ticketUrl: z.string().nullable().optional(),
  identities: IdentitiesSchema,
  visible: z.boolean(),
  view: BadgeViewSchema,
  /** Ranked best first; empty until a lookup succeeded. */
  visitors: z.array(VisitorSchema),
  candidates: z.array(CandidateSchema),
  ambiguous: z.boolean(),
  // States kept from before the count was recorded read as "none tie": the label then says all.
  tied: z.number().int().nonnegative().default(0),
  updatedAt: z.number(),
});

/**
 * Whether the tab's best visitor is only a possible match: found by a name or a code from the
 * ticket, or by nothing this state can show. The one place the badge, the shortcut and the
 * start handler learn it, from how the visitor was found, not from the view's words.
 */
export function possibleMatch(state: Pick<TabState, 'visitors' | 'candidates'>): boolean {
  const best = state.visitors[0];
  if (!best) return false;
  return isPossibleMatch(state.candidates.find((c) => c.shortId === best.short_id)?.matchedBy);
}

/**
 * Whether one action (the shortcut, a notification's Start) may start co-browsing with the tab's
 * best visitor without the agent looking first: one clear match that proves who the customer
 * is, and a view that says a start can work.
 */
export function startsInOneClick(state: TabState): boolean {
  return (
    state.visitors.length > 0 && state.view.canStart && !state.ambiguous && !possibleMatch(state)
  );
}

/** One tab's state under `tab:<tabId>` in storage.session. */
const tabStates = storageFamily('session', TAB_STATE_PREFIX, TabStateSchema);

export async function getTabState(tabId: number): Promise<TabState | null> {
  return tabStates.get(tabId);
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await tabStates.set(tabId, state);
}

export async function removeTabState(tabId: number): Promise<void> {
  await tabStates.remove(tabId);
}

export async function allTabStates(): Promise<Map<number, TabState>> {
  const states = new Map<number, TabState>();
  for (const [id, state] of await tabStates.entries()) states.set(Number(id), state);
  return states;
}
