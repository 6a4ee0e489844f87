import type { HelpdeskId } from '../shared/helpdesks';
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

export const byId = (id: HelpdeskId | null | undefined): Adapter | undefined =>
  id && Object.hasOwn(ADAPTERS, id) ? ADAPTERS[id] : undefined;
