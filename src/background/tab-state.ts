import browser from 'webextension-polyfill';
import { z } from 'zod';
import { VisitorSchema } from '../api';
import { HELPDESK_IDS } from '../shared/helpdesks';
import { IdentitiesSchema } from '../shared/identities';
import type { BadgeView } from '../shared/views';

const PREFIX = 'tab:';

const BadgeViewSchema = z.object({
  state: z.string(),
  label: z.string(),
  title: z.string(),
  canStart: z.boolean(),
}) as z.ZodType<BadgeView>;

const CandidateSchema = z.object({
  shortId: z.string(),
  state: z.string(),
  reason: z.string(),
  matchedBy: z.string(),
});

/** What the worker knows about the ticket open in one tab. Lives in storage.session. */
export const TabStateSchema = z.object({
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

export type TabState = z.infer<typeof TabStateSchema>;

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
