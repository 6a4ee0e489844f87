import { z } from 'zod';
import { VisitorSchema } from '../api';
import { HELPDESK_IDS } from '../shared/helpdesks';
import { IdentitiesSchema } from '../shared/identities';
import type { BadgeView } from '../shared/views';
import { storageFamily } from './storage-item';

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

/** One tab's state under `tab:<tabId>` in storage.session. */
const tabStates = storageFamily('session', 'tab:', TabStateSchema);

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
