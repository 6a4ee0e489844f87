import browser from 'webextension-polyfill';
import { z } from 'zod';
import { VisitorSchema } from '../api';
import { HELPDESK_IDS } from '../shared/helpdesks';
import { IdentitiesSchema } from '../shared/identities';
import type { TabState } from '../shared/protocol';
import { MATCH_KINDS, PRESENCE_STATES, type BadgeView } from '../shared/views';

export type { TabState };

const PREFIX = 'tab:';

const BadgeViewSchema = z.object({
  state: z.enum(PRESENCE_STATES),
  label: z.string(),
  title: z.string(),
  canStart: z.boolean(),
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
  identities: IdentitiesSchema,
  visible: z.boolean(),
  view: BadgeViewSchema,
  /** Ranked best first; empty until a lookup succeeded. */
  visitors: z.array(VisitorSchema),
  candidates: z.array(CandidateSchema),
  ambiguous: z.boolean(),
  updatedAt: z.number(),
});

const keyOf = (tabId: number) => `${PREFIX}${tabId}`;

export async function getTabState(tabId: number): Promise<TabState | null> {
  const key = keyOf(tabId);
  const parsed = TabStateSchema.safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : null;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

export async function allTabStates(): Promise<Map<number, TabState>> {
  const all = await browser.storage.session.get(null);
  const states = new Map<number, TabState>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const parsed = TabStateSchema.safeParse(value);
    if (parsed.success) states.set(Number(key.slice(PREFIX.length)), parsed.data);
  }
  return states;
}
