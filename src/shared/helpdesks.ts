/**
 * Every helpdesk the content script knows, one row each; its adapter (how a ticket page is read)
 * is src/content/helpdesks/<id>.ts and its name is in helpdesk-names.ts. Settings can turn each
 * one off. This file imports nothing: the build reads it for the manifest, and the content script,
 * worker and pages each bundle it.
 */
export interface Helpdesk {
  /**
   * Match patterns of the vendor's agent app: the manifest injects the content script there.
   * None for self-hosted helpdesks, which run on the customer's own domain and are reached only
   * through the custom domains an agent adds.
   */
  matches: readonly string[];
  /**
   * The vendor's mail domain names, any subdomain and any top-level domain (`zoho` covers
   * `mail.zoho.eu`): addresses there are the helpdesk's own, never the customer's.
   */
  mail: readonly string[];
}

export const HELPDESKS = {
  zendesk: { matches: ['https://*.zendesk.com/agent/*'], mail: ['zendesk'] },
  freshdesk: { matches: ['https://*.freshdesk.com/*'], mail: ['freshdesk'] },
  freshservice: { matches: ['https://*.freshservice.com/*'], mail: ['freshservice'] },
  helpscout: { matches: ['https://secure.helpscout.net/*'], mail: ['helpscout'] },
  intercom: {
    matches: [
      'https://app.intercom.com/*',
      'https://app.eu.intercom.com/*',
      'https://app.au.intercom.com/*',
    ],
    mail: ['intercom', 'intercom-mail'],
  },
  front: { matches: ['https://app.frontapp.com/*'], mail: ['frontapp'] },
  gorgias: { matches: ['https://*.gorgias.com/*'], mail: ['gorgias'] },
  hubspot: {
    // One host per data centre, `app-<region><n>` (app.hubspot.com is the first, na1). A match
    // pattern cannot say `app-*`, and `*.hubspot.com` would run on the marketing and community
    // sites too; a data centre not listed yet can be added as a custom domain.
    matches: [
      'https://app.hubspot.com/*',
      'https://app-na1.hubspot.com/*',
      'https://app-na2.hubspot.com/*',
      'https://app-na3.hubspot.com/*',
      'https://app-eu1.hubspot.com/*',
      'https://app-ap1.hubspot.com/*',
    ],
    mail: ['hubspot', 'hs-inbox'],
  },
  zohodesk: {
    matches: [
      'https://desk.zoho.com/*',
      'https://desk.zoho.eu/*',
      'https://desk.zoho.in/*',
      'https://desk.zoho.com.au/*',
      'https://desk.zoho.jp/*',
      'https://desk.zoho.ca/*',
      'https://desk.zoho.sa/*',
      'https://desk.zoho.com.cn/*',
    ],
    mail: ['zoho', 'zohodesk'],
  },
  salesforce: { matches: ['https://*.lightning.force.com/*'], mail: ['salesforce', 'force'] },
  jsm: { matches: ['https://*.atlassian.net/*'], mail: ['atlassian'] },
  kustomer: { matches: ['https://*.kustomerapp.com/*'], mail: ['kustomerapp'] },
  zammad: { matches: ['https://*.zammad.com/*'], mail: ['zammad'] },
  freescout: { matches: [], mail: [] },
  osticket: { matches: [], mail: [] },
  crisp: { matches: ['https://app.crisp.chat/*'], mail: ['crisp'] },
  livechat: { matches: ['https://my.livechatinc.com/*'], mail: ['livechatinc'] },
  gmail: { matches: ['https://mail.google.com/*'], mail: [] },
} as const satisfies Record<string, Helpdesk>;

export type HelpdeskId = keyof typeof HELPDESKS;

/** A ticket id the worker keys on and shows: the helpdesk's own, when it is this plain. */
export const TICKET_ID = /^[A-Za-z0-9_.:-]{1,80}$/;

/** The table's ids, in its order (the options page lists them so). */
export const HELPDESK_IDS = /* @__PURE__ */ Object.keys(HELPDESKS) as [HelpdeskId, ...HelpdeskId[]];
