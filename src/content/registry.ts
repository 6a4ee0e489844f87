import { HELPDESKS, type HelpdeskId } from '../shared/helpdesks';
import type { Adapter } from './adapter';
import { crisp } from './helpdesks/crisp';
import { freescout } from './helpdesks/freescout';
import { freshdesk } from './helpdesks/freshdesk';
import { freshservice } from './helpdesks/freshservice';
import { front } from './helpdesks/front';
import { gmail } from './helpdesks/gmail';
import { gorgias } from './helpdesks/gorgias';
import { helpscout } from './helpdesks/helpscout';
import { hubspot } from './helpdesks/hubspot';
import { intercom } from './helpdesks/intercom';
import { jsm } from './helpdesks/jsm';
import { kustomer } from './helpdesks/kustomer';
import { livechat } from './helpdesks/livechat';
import { osticket } from './helpdesks/osticket';
import { salesforce } from './helpdesks/salesforce';
import { zammad } from './helpdesks/zammad';
import { zendesk } from './helpdesks/zendesk';
import { zohodesk } from './helpdesks/zohodesk';

/** One adapter per row of the helpdesk table: a row without one does not type-check. */
export const ADAPTERS = {
  zendesk,
  freshdesk,
  freshservice,
  helpscout,
  intercom,
  front,
  gorgias,
  hubspot,
  zohodesk,
  salesforce,
  jsm,
  kustomer,
  zammad,
  freescout,
  osticket,
  crisp,
  livechat,
  gmail,
} satisfies Record<HelpdeskId, Adapter>;

/**
 * Whether a match pattern's host covers a hostname: `*.zendesk.com` any subdomain of it (as the
 * worker's sender check reads it), `secure.helpscout.net` that host alone.
 */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1];
  return host?.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
}

/** The adapter for a vendor-hosted helpdesk, by its hostname. */
export function byHost(hostname: string): Adapter | undefined {
  for (const [id, helpdesk] of Object.entries(HELPDESKS))
    if (helpdesk.matches.some((pattern) => hostMatches(pattern, hostname)))
      return ADAPTERS[id as HelpdeskId];
}

export const byId = (id: HelpdeskId | null | undefined): Adapter | undefined =>
  id && Object.hasOwn(ADAPTERS, id) ? ADAPTERS[id] : undefined;
