import { z } from 'zod';
import type { Usage, Visitor } from '../api/schemas';
import { SHORT_ID_PATTERN } from '../api/short-id';
import { HELPDESK_IDS, TICKET_ID } from './helpdesks';
import { IdentitiesSchema } from './identities';
import { SettingsPatchSchema, type Settings } from './settings';
import type { BadgeView, Candidate, ErrorInfo, Reply } from './views';
import type { WatchedView, WatchListReply } from './watch';
import type {
  KeyStatus,
  Managed,
  Setup,
  TabStateReply,
  SearchReply,
  StartOutcome,
  KeyCheck,
  SettingsSaved,
  SiteReply,
  Reading,
} from './replies';

// Every message any context may send to the worker, declared once with the reply it gets. Request
// types are inferred from the schemas (the worker checks every message against them); reply types
// are written beside them, and the worker's handlers must return exactly those. The content
// script and the pages import the types only, so neither zod nor the worker reaches their bundles.

export type { BadgeView, Candidate, ErrorInfo, Reply, Settings, Usage, Visitor };
export type { WatchedView, WatchListReply };
export type * from './replies';

/** The API's one rule for a visitor id; messages carry it as a string only. */
const ShortId = z.string().regex(SHORT_ID_PATTERN);
const TabId = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);
/** Helpdesk ticket ids are shown to the agent and keyed on; they never become a URL here. */
const TicketId = z.string().regex(TICKET_ID);

/** A helpdesk's id for its agent: printable, no spaces (Zendesk and Zammad use numbers). */
const HelpdeskAgentId = z.string().regex(/^[\x21-\x7e]{1,64}$/);

/** Where a ticket's customer was read: the helpdesk's own API, the page, or nowhere. */
export const READ_FROM = ['api', 'page', 'none'] as const;
/** Set-aside addresses kept for the diagnosis: a few tell the story. */
export const MAX_IGNORED = 5;

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
  /** `nonce`: the one of the view the badge showed when the agent clicked it. */
  z.strictObject({ type: z.literal('ticket/start-cobrowse'), nonce: z.string().max(64) }),
  /**
   * A click on a badge showing a possible match, or several visitors that tie: the worker opens
   * the popup to check or choose.
   */
  z.strictObject({ type: z.literal('ticket/check-match') }),
  /** A click on the badge saying "Set up": the worker opens the settings. */
  z.strictObject({ type: z.literal('ticket/open-settings') }),
  /**
   * What the script read on a ticket, for the agent's "What was read on this page": where from,
   * and the addresses it set aside as the helpdesk's or the agent's own (never the ticket's text).
   */
  z.strictObject({
    type: z.literal('ticket/read'),
    helpdesk: z.enum(HELPDESK_IDS),
    ticketId: TicketId.optional(),
    from: z.enum(READ_FROM),
    ignored: z.array(z.email().max(254)).max(MAX_IGNORED),
  }),
  /** Which helpdesk this page is (a vendor's host, or a custom domain the agent added). */
  z.strictObject({ type: z.literal('site/which') }),
  /**
   * Who is signed in to the helpdesk, as its own same-origin API says: the agent's name and id
   * there. Read once per page load; the worker may offer them as the agent's name and ID.
   */
  z.strictObject({
    type: z.literal('ticket/agent'),
    helpdesk: z.enum(HELPDESK_IDS),
    id: HelpdeskAgentId,
    name: z.string().trim().min(1).max(128),
  }),
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
    /**
     * 'search' for a visitor the agent searched for: the session then carries nothing of the
     * ticket in the tab. Otherwise the ticket in `tabId` goes with it when it found this visitor.
     */
    from: z.enum(['ticket', 'search']).optional(),
  }),
  /** Stops the visitor's active session (after the agent confirmed it in the popup). */
  z.strictObject({ type: z.literal('session/end'), shortId: ShortId }),
  z.strictObject({ type: z.literal('settings/get') }),
  /** What stops co-browsing, for a page with no tab to ask about. */
  z.strictObject({ type: z.literal('setup/get') }),
  /** What the content script read on a tab: the popup's "What was read on this page". */
  z.strictObject({ type: z.literal('tab/reading'), tabId: TabId }),
  /** The search "Find in Upscope" left for the popup, taken once. */
  z.strictObject({ type: z.literal('search/take-pending') }),
  z.strictObject({
    type: z.literal('settings/save'),
    patch: SettingsPatchSchema,
    /**
     * A key for the endpoint this save moves to. The saved key belongs to the old endpoint's
     * origin: without a new one, moving to another origin removes it.
     */
    apiKey: z.string().min(1).max(200).optional(),
  }),
  z.strictObject({ type: z.literal('key/save'), apiKey: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('key/clear') }),
  z.strictObject({ type: z.literal('connection/test') }),
  /** Watch the customer of the ticket in this tab, found as this visitor, until they are back. */
  z.strictObject({ type: z.literal('watch/add'), tabId: TabId, shortId: ShortId }),
  /** A customer found with the popup's search, watched by that search (strong ones only). */
  z.strictObject({
    type: z.literal('watch/add-found'),
    shortId: ShortId,
    query: z.string().max(256),
  }),
  z.strictObject({ type: z.literal('watch/list') }),
  z.strictObject({ type: z.literal('watch/remove'), id: ShortId }),
  /** "Not now" to the helpdesk's agent offered as the agent's name and ID: not asked again today. */
  z.strictObject({
    type: z.literal('agent/decline'),
    helpdesk: z.enum(HELPDESK_IDS),
    id: HelpdeskAgentId,
  }),
]);

export type ContentMessage = z.infer<typeof ContentMessageSchema>;
export type PageMessage = z.infer<typeof PageMessageSchema>;
export type InboundMessage = ContentMessage | PageMessage;
export type MessageType = InboundMessage['type'];

/** The reply to each message a content script sends. */
export interface ContentReplies {
  'ticket/identify': BadgeView;
  /** Null when the worker knows no ticket for the tab. */
  'ticket/visibility': BadgeView | null;
  'ticket/left': null;
  /** `said`: what the badge tells the agent happened, worded by the worker. */
  'ticket/start-cobrowse': Pick<StartOutcome, 'opened'> & { said: string };
  'ticket/check-match': null;
  'ticket/open-settings': null;
  /** Null when the tab is on no helpdesk the extension knows (vendor host or custom domain). */
  'site/which': SiteReply;
  'ticket/read': null;
  'ticket/agent': null;
}

/** The reply to each message an extension page sends. */
export interface PageReplies {
  'tab/state': TabStateReply;
  'visitors/search': SearchReply;
  'visitor/details': Visitor;
  'visitor/forget': null;
  'cobrowse/start': StartOutcome;
  /** The visitor as they are now known: out of the session. Null when no list held them. */
  'session/end': Visitor | null;
  'settings/get': { settings: Settings; key: KeyStatus; managed: Managed };
  'setup/get': Setup;
  /** Null when no content script read a ticket on the tab. */
  'tab/reading': Reading | null;
  /** Null when no search waits (or it waited too long). */
  'search/take-pending': string | null;
  'settings/save': SettingsSaved;
  'key/save': KeyCheck;
  'key/clear': KeyStatus;
  'connection/test': { usage: Usage; key: KeyStatus };
  'watch/add': WatchListReply;
  'watch/add-found': WatchListReply;
  'watch/list': WatchListReply;
  'watch/remove': WatchListReply;
  'agent/decline': Setup;
}

// A message declared without its reply, or a reply for no message, fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type RepliesCoverMessages = [
  Holds<Same<keyof ContentReplies, ContentMessage['type']>>,
  Holds<Same<keyof PageReplies, PageMessage['type']>>,
];

export type ContentReply<M extends ContentMessage> = ContentReplies[M['type']];
export type PageReply<M extends PageMessage> = PageReplies[M['type']];

/** The worker's side: one handler per message, returning that message's reply. */
export type ContentHandlers = {
  [T in ContentMessage['type']]: (
    message: Extract<ContentMessage, { type: T }>,
    tabId: number,
    /** The sender frame's address as the browser reports it (see sender.ts), or null. */
    url: string | null,
  ) => Promise<ContentReplies[T]>;
};

export type PageHandlers = {
  [T in PageMessage['type']]: (
    message: Extract<PageMessage, { type: T }>,
  ) => Promise<PageReplies[T]>;
};

/** The only message the worker sends to a content script. */
export interface BadgeUpdateMessage {
  type: 'badge/update';
  view: BadgeView;
}
