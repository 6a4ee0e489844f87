import type { Identities } from '../shared/identities';
import type { Found } from './adapter';

// The worker validates again with zod; these rules match its schema so that what is sent is
// never refused, and stay regexes so the content script carries no validation library.

const EMAIL = /^(?:[a-z0-9_'+-]+\.)*[a-z0-9_'+-]*[a-z0-9_+-]@(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$/;
const ADDRESS = /[\w.'+-]+@[\w-]+(?:\.[\w-]+)+/g;

const ROLE_MAILBOX =
  '^(?:support|help|helpdesk|no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?|bounces?)@';

/**
 * Addresses of the helpdesk itself: role mailboxes, bounces and the vendors' mail domains
 * (reply-to routing addresses, notification senders). Never a customer. The vendors' domains
 * (`zendesk`, `hs-inbox`, …) come from the worker's helpdesk table when the script starts.
 */
let own = new RegExp(ROLE_MAILBOX);

export function knowVendorMail(domains: string[]): void {
  own = new RegExp(`${ROLE_MAILBOX}|@(?:[\\w-]+\\.)*(?:${domains.join('|')})\\.[a-z.]+$`);
}

/** A lookup code as a customer writes it: "my code is 4821", "PIN: 4821". */
const CODE = /\b(?:code|pin)\b\D{0,24}?\b(\d{4})\b/i;

/** Valid addresses refused as the helpdesk's or the agent's own since the last ticket began. */
export const ignored = new Set<string>();

export function email(value: unknown, me?: string): string | undefined {
  if (typeof value !== 'string') return;
  const address = value.trim().toLowerCase();
  if (address.length > 254 || !EMAIL.test(address)) return;
  if (!own.test(address) && address !== me) return address;
  // Set aside as the helpdesk's or the agent's own: the agent may see which, in the diagnosis.
  if (ignored.size < 5) ignored.add(address);
}

/** The first customer address in a piece of text (an attribute, a mailto: link, a line). */
export function emailIn(text: string, me?: string): string | undefined {
  for (const [candidate] of text.matchAll(ADDRESS)) {
    const customer = email(candidate, me);
    if (customer) return customer;
  }
}

function id(value: unknown, max: number): string | undefined {
  const text =
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return text.length <= max && /^[\x21-\x7e]+$/.test(text) ? text : undefined;
}

export function lookupCode(text: unknown): string | undefined {
  return typeof text === 'string' ? CODE.exec(text.slice(0, 4000))?.[1] : undefined;
}

/** Validated, trimmed identities, or null when nothing usable was found. */
export function normalise(found: Found, me?: string): Identities | null {
  const name =
    typeof found.name === 'string' ? found.name.replace(/\s+/g, ' ').trim().slice(0, 128) : '';
  const ids: Identities = {
    email: email(found.email, me),
    externalId: id(found.externalId, 128),
    helpdeskUserId: id(found.helpdeskUserId, 128),
    lookupCode: lookupCode(found.text),
    name: name || undefined,
  };
  for (const key of Object.keys(ids) as (keyof Identities)[]) if (!ids[key]) delete ids[key];
  return Object.keys(ids).length ? ids : null;
}
