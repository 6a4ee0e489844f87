import type { HelpdeskId } from '../shared/helpdesks';

/** Helpdesk JSON is read defensively: optional chaining everywhere, and normalise() validates. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A same-origin GET with the agent's session; undefined on any failure or timeout. */
export type Get = (path: string, headers?: Record<string, string>) => Promise<Json>;

export interface Ticket {
  /** The helpdesk's own id for the ticket, conversation or thread in view. */
  id: string;
  /** Other named parts of the URL (Intercom app, HubSpot portal, Kustomer customer `uid`). */
  parts: Record<string, string | undefined>;
}

/** What an adapter read; raw values, validated by normalise(). */
export interface Found {
  email?: unknown;
  name?: unknown;
  externalId?: unknown;
  helpdeskUserId?: unknown;
  /** The customer's own words, searched for a lookup code they wrote. */
  text?: unknown;
}

/** The signed-in agent as the helpdesk's JSON gives them; raw values, checked by the worker. */
export interface Agent {
  id?: unknown;
  name?: unknown;
  email?: unknown;
}

export interface Adapter {
  /** Its row in the helpdesk table, which says where it runs (src/shared/helpdesks.ts). */
  id: HelpdeskId;
  /** Tested against pathname + search + hash; the `id` group (or the first group) is the ticket. */
  url: RegExp;
  /** Same-origin JSON read with the agent's session. Preferred over the DOM. */
  api?(ticket: Ticket, get: Get): Promise<Found | undefined>;
  /**
   * The container of the ticket in view, `{id}` replaced, or a function finding it; several
   * tickets may sit hidden in the DOM.
   */
  scope?: string | (() => ParentNode | null | undefined);
  /** Elements carrying the customer's address (email/alt attribute, mailto: href or text). */
  email?: string;
  /** The latest matching address wins instead of the first (a thread, newest last). */
  last?: boolean;
  name?: string;
  /** The helpdesk's id for the customer, read from the DOM. */
  uid?(root: ParentNode): string | undefined;
  /** The customer's message near the element their address came from. */
  text?(at: Element): string | null | undefined;
  /** Where the badge goes; without one, beside the customer's address, or a corner pill. */
  anchor?: string;
  /** The signed-in agent's address, never the customer. */
  me?(): string | undefined;
  /** The signed-in agent, from the same same-origin API; read once per page load. */
  agent?(get: Get, ticket: Ticket): Promise<Agent | undefined>;
}

/** Pure: a URL to the ticket it shows, or null when it shows none (then nothing else runs). */
export function parseTicket(adapter: Adapter, url: URL): Ticket | null {
  const match = adapter.url.exec(url.pathname + url.search + url.hash);
  if (!match) return null;
  const parts = match.groups ?? {};
  const id = parts.id ?? match.slice(1).find(Boolean);
  return id ? { id, parts } : null;
}

/** Joins the parts of a name that are present. */
export const join = (...parts: unknown[]): string =>
  parts.filter((part) => typeof part === 'string').join(' ');
