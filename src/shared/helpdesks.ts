/** Every helpdesk the content script knows. Settings can turn each one off. */
export const HELPDESK_IDS = [
  'zendesk',
  'freshdesk',
  'freshservice',
  'helpscout',
  'intercom',
  'front',
  'gorgias',
  'hubspot',
  'zohodesk',
  'salesforce',
  'jsm',
  'kustomer',
  'zammad',
  'freescout',
  'osticket',
  'crisp',
  'livechat',
  'gmail',
] as const;

export type HelpdeskId = (typeof HELPDESK_IDS)[number];
