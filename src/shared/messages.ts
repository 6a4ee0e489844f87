import { z } from 'zod';
import { HELPDESK_IDS, TICKET_ID } from './helpdesks';
import { IdentitiesSchema } from './identities';
import { SettingsPatchSchema } from './settings';
import type { BadgeView } from './views';

// Every message any context may send to the worker, declared once. Types are inferred from these
// schemas; the content script imports the types only, so zod stays out of its bundle.

const ShortId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const TabId = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);
/** Helpdesk ticket ids are shown to the agent and keyed on; they never become a URL here. */
const TicketId = z.string().regex(TICKET_ID);

/** Sent by a content script about its own tab: the worker takes the tab from the sender. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ticket/identify'),
    helpdesk: z.enum(HELPDESK_IDS),
    ticketId: TicketId.optional(),
    identities: IdentitiesSchema,
    visible: z.boolean(),
  }),
  z.strictObject({ type: z.literal('ticket/visibility'), visible: z.boolean() }),
  z.strictObject({ type: z.literal('ticket/left') }),
  z.strictObject({ type: z.literal('ticket/start-cobrowse') }),
  /** On an origin it does not know: which helpdesk the agent said this custom domain runs. */
  z.strictObject({ type: z.literal('site/which') }),
]);

/** Sent by the extension's own pages (popup, options). */
export const PageMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab/state'), tabId: TabId, refresh: z.boolean() }),
  z.strictObject({ type: z.literal('visitors/search'), query: z.string().max(256) }),
  z.strictObject({
    type: z.literal('visitor/details'),
    shortId: ShortId,
    withHistory: z.boolean(),
  }),
  z.strictObject({ type: z.literal('visitor/forget'), shortId: ShortId }),
  z.strictObject({
    type: z.literal('cobrowse/start'),
    shortId: ShortId,
    tabId: TabId.optional(),
  }),
  z.strictObject({ type: z.literal('settings/get') }),
  z.strictObject({ type: z.literal('settings/save'), patch: SettingsPatchSchema }),
  z.strictObject({ type: z.literal('key/save'), apiKey: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('key/clear') }),
  z.strictObject({ type: z.literal('connection/test') }),
]);

export type ContentMessage = z.infer<typeof ContentMessageSchema>;
export type PageMessage = z.infer<typeof PageMessageSchema>;
export type InboundMessage = ContentMessage | PageMessage;
export type MessageType = InboundMessage['type'];

/** The only message the worker sends to a content script. */
export interface BadgeUpdateMessage {
  type: 'badge/update';
  view: BadgeView;
}
