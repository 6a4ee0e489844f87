import type { Usage, Visitor } from '../api/schemas';
import type { HelpdeskId } from './helpdesks';
import type { Identities } from './identities';
import type { READ_FROM } from './protocol';
import type { Settings } from './settings';
import type { BadgeView, Candidate, ErrorInfo } from './views';

// The shapes of the worker's replies (and of what it keeps per tab), named once; protocol.ts pairs
// each message with one of them. Types only: no page or content script bundles anything from here.

/** Whether a key is saved, without the key itself. */
export interface KeyStatus {
  present: boolean;
  /** The last four characters, so an agent can tell which key is saved without seeing it. */
  hint: string | null;
  /** The error kind Upscope answered with when it refused the key. */
  rejected: string | null;
  /**
   * The origin a stored key was saved for when it is not the current endpoint's: that key is not
   * present here and is never sent to this endpoint.
   */
  savedFor: string | null;
}

/** A settings field an organisation can decide by policy. */
export type ManagedField = Exclude<keyof Settings, 'version'>;

/** What the organisation's browser policy decides: those fields are not the agent's to change. */
export interface Managed {
  fields: ManagedField[];
  /** The API key comes from the policy: the agent cannot replace or remove it. */
  key: boolean;
  /**
   * Whether the agent types their name and id or they are read from the helpdesk. With
   * 'helpdesk', agentName and agentId are the agent the helpdesk last reported (empty before any).
   */
  agentIdentitySource: 'typed' | 'helpdesk' | null;
}

/** The agent signed in to a helpdesk, as its content script reported them. */
export interface HelpdeskAgent {
  helpdesk: HelpdeskId;
  /** The helpdesk's own id for the agent, e.g. Zendesk's user id "3412". */
  id: string;
  name: string;
}

/** The helpdesk's agent offered as the agent's name and ID, with the values a Use would save. */
export interface AgentProposal extends HelpdeskAgent {
  agentName: string;
  agentId: string;
}

/** What the worker knows about the ticket open in one tab. */
export interface TabState {
  helpdesk: HelpdeskId;
  ticketId: string | null;
  /**
   * The ticket's https address, from the browser's report of the tab (never from the page's
   * text); null when there is none to use. Missing in states kept from before it was recorded.
   */
  ticketUrl?: string | null;
  identities: Identities;
  visible: boolean;
  view: BadgeView;
  /** Ranked best first; empty until a lookup succeeded. */
  visitors: Visitor[];
  candidates: Candidate[];
  ambiguous: boolean;
  /** How many visitors tie at the top when ambiguous ("2 of 3 match equally well"); else 0. */
  tied: number;
  updatedAt: number;
}

/** What stops co-browsing before any visitor is looked at. */
export interface Setup {
  key: KeyStatus;
  /** True while the agent name or id is not set: a session could not say who is watching. */
  agentMissing: boolean;
  /** The organisation's policy has the agent's name and ID read from the helpdesk. */
  agentFromHelpdesk?: boolean;
  /** The helpdesk's signed-in agent, offered while no name or ID is set; null when none is. */
  agentProposal?: AgentProposal | null;
  /** What a session will let the agent do, for the popup to say before Start. */
  session?: SessionPermissions;
}

/** The settings that decide a session's permissions. */
export type SessionPermissions = Pick<Settings, 'permissionsPreset' | 'allowConsole'>;

export interface TabStateReply {
  state: TabState | null;
  setup: Setup;
}

export interface SearchReply {
  visitors: Visitor[];
  candidates: Candidate[];
  ambiguous: boolean;
  /** How many visitors tie at the top when ambiguous; else 0. */
  tied: number;
}

export interface StartOutcome {
  /** 'focused' when a session for this visitor had just been opened and its tab was shown again. */
  opened: 'tab' | 'window' | 'current' | 'focused';
  tabId: number | null;
}

export type KeyCheck =
  | { outcome: 'valid'; usage: Usage; key: KeyStatus }
  | { outcome: 'unverified'; error: ErrorInfo; key: KeyStatus };

/** What a save stored: the settings, the key as the saved endpoint sees it, and a new key's check. */
export interface SettingsSaved {
  settings: Settings;
  key: KeyStatus;
  /** Null when the save carried no key. */
  keyCheck: KeyCheck | null;
  managed: Managed;
}

/** Which helpdesk a content script's page is, and the vendors' mail domains, e.g. `zendesk`. */
export type SiteReply = { helpdesk: HelpdeskId; vendorMail: string[] } | null;

/** What was read on a ticket tab, and what the worker made of it. */
export interface Reading {
  helpdesk: HelpdeskId;
  ticketId: string | null;
  from: (typeof READ_FROM)[number];
  /** The identities the worker holds for the ticket; null when none were found. */
  identities: Identities | null;
  ignored: string[];
  at: number;
}
