import type { HelpdeskId } from './helpdesks';

/**
 * Each helpdesk's product name, the same in every language: what the pages, the worker and the
 * notifications show. Kept beside the helpdesk table rather than in it because the content script
 * bundles the table (hosts and mail domains) and never shows a name: the names would cost it
 * about 110 bytes of its 6 KiB. A helpdesk without a name here does not type-check.
 */
export const HELPDESK_NAMES = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  freshservice: 'Freshservice',
  helpscout: 'Help Scout',
  intercom: 'Intercom',
  front: 'Front',
  gorgias: 'Gorgias',
  hubspot: 'HubSpot',
  zohodesk: 'Zoho Desk',
  salesforce: 'Salesforce',
  jsm: 'Jira Service Management',
  kustomer: 'Kustomer',
  zammad: 'Zammad',
  freescout: 'FreeScout',
  osticket: 'osTicket',
  crisp: 'Crisp',
  livechat: 'LiveChat',
  gmail: 'Gmail',
} as const satisfies Record<HelpdeskId, string>;
