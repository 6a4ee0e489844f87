import type { HelpdeskId } from '../shared/helpdesks';

/** Product names: the same in every language. */
export const HELPDESK_NAMES: Record<HelpdeskId, string> = {
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
};
