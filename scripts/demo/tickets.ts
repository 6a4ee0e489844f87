/**
 * The demo's helpdesk tickets, served at the helpdesks' real URLs, each with a seeded customer in
 * a different state. The JSON is the end-to-end tests' committed fixtures; the pages are demo
 * pages beside them (`demo.html`), with the same hooks, that show the ticket the URL names and
 * name its customer where the badge goes.
 */
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveHelpdesk, ZENDESK, type HelpdeskSite } from '../../test/e2e/support/helpdesk';

export interface DemoTicket {
  name: string;
  url: string;
  customer: string;
  /** The badge's text once the customer is found. */
  badge: RegExp;
  what: string;
  /** The adapter gives the badge no place on the page: it is a pill in the window's corner. */
  corner?: true;
}

const SITES: HelpdeskSite[] = [
  { ...ZENDESK, page: 'zendesk/demo.html' },
  {
    origin: 'https://acme.freshdesk.com',
    page: 'freshdesk/demo.html',
    json: { '/api/_/tickets/10?include=requester': 'freshdesk/ticket-10.json' },
  },
  {
    origin: 'https://app.intercom.com',
    page: 'intercom/demo.html',
    json: { '/ember/inbox/conversations/555?app_id=abc123': 'intercom/conversation-555.json' },
  },
];

export const TICKETS = {
  zendeskOnline: {
    name: 'zendesk',
    url: 'https://acme.zendesk.com/agent/tickets/123',
    customer: 'Jane Doe',
    badge: /^Co-browse with Jane · Online$/,
    what: 'online now',
  },
  freshdeskWaiting: {
    name: 'freshdesk',
    url: 'https://acme.freshdesk.com/a/tickets/10',
    customer: 'Maria Garcia',
    badge: /^Co-browse with Maria · Waiting for a call$/,
    what: 'waiting for a call',
  },
  intercom: {
    name: 'intercom',
    url: 'https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/555',
    customer: 'Alex Kim',
    badge: /^Co-browse with Alex · Online$/,
    what: 'online now, found by the id your website gave Intercom',
    corner: true,
  },
  zendeskOffline: {
    name: 'zendesk-offline',
    url: 'https://acme.zendesk.com/agent/tickets/124',
    customer: 'Tom Baker',
    badge: /^Tom · seen 3h ago$/,
    what: 'offline, last seen 3h ago',
  },
} satisfies Record<string, DemoTicket>;

/** In the order their tabs open; the first is the one in front. */
export const TICKET_ORDER: DemoTicket[] = [
  TICKETS.zendeskOnline,
  TICKETS.freshdeskWaiting,
  TICKETS.intercom,
  TICKETS.zendeskOffline,
];

const LOOK = `<style>${readFileSync(resolve(import.meta.dirname, 'look.css'), 'utf8')}</style>`;

export async function serveDemoHelpdesks(context: BrowserContext): Promise<void> {
  for (const site of SITES) await serveHelpdesk(context, { ...site, head: LOOK });
}
