import { describe, expect, it } from 'vitest';
import { parseTicket } from '../../../src/content/adapter';
import { vendorHelpdeskAt } from '../../../src/background/custom-domains';
import { ADAPTERS, byId } from '../../../src/content/registry';
import { HELPDESKS, HELPDESK_IDS } from '../../../src/shared/helpdesks';
import { HELPDESK_MATCHES } from '../../../scripts/manifest';

/** [helpdesk, URL, ticket id or null, other named parts] */
const CASES: [string, string, string | null, Record<string, string>?][] = [
  ['zendesk', 'https://acme.zendesk.com/agent/tickets/123', '123'],
  ['zendesk', 'https://acme.zendesk.com/agent/tickets/123?ref=view#comment-9', '123'],
  ['zendesk', 'https://support.acme.com/agent/tickets/9', '9'],
  ['zendesk', 'https://acme.zendesk.com/agent/tickets/123/events', null],
  ['zendesk', 'https://acme.zendesk.com/agent/filters/360001', null],
  ['zendesk', 'https://acme.zendesk.com/agent/dashboard', null],
  ['zendesk', 'https://acme.zendesk.com/agent/tickets/new/1', null],
  ['freshdesk', 'https://acme.freshdesk.com/a/tickets/10', '10'],
  ['freshdesk', 'https://acme.freshdesk.com/a/tickets/10/', '10'],
  ['freshdesk', 'https://help.acme.com/helpdesk/tickets/4412', '4412'],
  ['freshdesk', 'https://acme.freshdesk.com/a/tickets/filters/all_tickets', null],
  ['freshdesk', 'https://acme.freshdesk.com/support/tickets/10', null],
  ['freshservice', 'https://acme.freshservice.com/a/tickets/301?current_tab=details', '301'],
  ['freshservice', 'https://acme.freshservice.com/a/dashboard/default', null],
  [
    'helpscout',
    'https://secure.helpscout.net/conversation/1353459485/2675457?folderId=2834514',
    '1353459485',
  ],
  ['helpscout', 'https://secure.helpscout.net/conversation/1353459485', '1353459485'],
  ['helpscout', 'https://secure.helpscout.net/mailbox/2834514/', null],
  [
    'intercom',
    'https://app.intercom.com/a/inbox/grcvqyws/inbox/shared/all/conversation/4137#part_id=comment-4137-9',
    '4137',
    { app: 'grcvqyws' },
  ],
  [
    'intercom',
    'https://app.eu.intercom.com/a/inbox/abc123/inbox/admin/991/conversation/555',
    '555',
    { app: 'abc123' },
  ],
  ['intercom', 'https://app.au.intercom.com/a/inbox/abc123/inbox/search/conversations/777', '777'],
  ['intercom', 'https://app.intercom.com/a/inbox/abc123/inbox/shared/all', null],
  ['intercom', 'https://app.intercom.com/a/apps/abc123/users/segments/active', null],
  ['front', 'https://app.frontapp.com/open/cnv_55c8c149', 'cnv_55c8c149'],
  ['front', 'https://app.frontapp.com/inboxes/teammates/1234/inbox/all/987654321', '987654321'],
  ['front', 'https://app.frontapp.com/inboxes/shared/support/open/12,13', null],
  ['front', 'https://app.frontapp.com/inboxes/teams/views/4242/open/987654321', '987654321'],
  ['front', 'https://app.frontapp.com/inboxes/shared/support/open/987654321?q=1', '987654321'],
  ['front', 'https://app.frontapp.com/inboxes/teams/folders/55001', null],
  ['front', 'https://app.frontapp.com/inboxes/teams/views/4242', null],
  ['front', 'https://app.frontapp.com/inboxes/teammates/1234/inbox/all', null],
  ['front', 'https://app.frontapp.com/inboxes/teammates/1234/search/refund/0', null],
  ['front', 'https://app.frontapp.com/inboxes/teams/search/refund/all/0', null],
  ['front', 'https://app.frontapp.com/settings/me', null],
  ['gorgias', 'https://acme.gorgias.com/app/ticket/4410', '4410'],
  ['gorgias', 'https://acme.gorgias.com/app/tickets/new', null],
  ['gorgias', 'https://acme.gorgias.com/app/views/7321/4410', '4410'],
  ['gorgias', 'https://acme.gorgias.com/app/tickets/7321/4410?from=view', '4410'],
  ['gorgias', 'https://acme.gorgias.com/app/views/7321', null],
  ['gorgias', 'https://acme.gorgias.com/app/tickets/7321', null],
  ['gorgias', 'https://acme.gorgias.com/app/customer/99881', null],
  [
    'hubspot',
    'https://app.hubspot.com/help-desk/4455667/view/123/ticket/9001',
    '9001',
    { portal: '4455667' },
  ],
  ['hubspot', 'https://app-eu1.hubspot.com/help-desk/4455667/view/search/ticket/9001/', '9001'],
  [
    'hubspot',
    'https://app.hubspot.com/contacts/4455667/record/0-5/9001',
    '9001',
    { portal: '4455667' },
  ],
  ['hubspot', 'https://app.hubspot.com/contacts/4455667/record/0-1/701', null],
  ['hubspot', 'https://app-na2.hubspot.com/help-desk/4455667/view/123/ticket/9001', '9001'],
  ['hubspot', 'https://app-ap1.hubspot.com/contacts/4455667/record/0-5/9001', '9001'],
  ['hubspot', 'https://app.hubspot.com/contacts/4455667/objects/0-5/views/all/list', null],
  [
    'zohodesk',
    'https://desk.zoho.eu/agent/acme/support/tickets/details/482000000123456',
    '482000000123456',
  ],
  ['zohodesk', 'https://desk.zoho.com/agent/acme/support/tickets/list/all-cases', null],
  [
    'zohodesk',
    'https://support.acme.com/agent/acme/billing/tickets/details/482000000123456/conversation',
    '482000000123456',
    { portal: 'acme' },
  ],
  [
    'salesforce',
    'https://acme.lightning.force.com/lightning/r/Case/5003000000D8cuIAAR/view',
    '5003000000D8cuIAAR',
  ],
  [
    'salesforce',
    'https://acme.lightning.force.com/lightning/r/Account/0013000000D8cuIAAR/view',
    null,
  ],
  ['salesforce', 'https://acme.lightning.force.com/lightning/o/Case/list', null],
  [
    'jsm',
    'https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1/HELP-42',
    'HELP-42',
  ],
  [
    'jsm',
    'https://acme.atlassian.net/jira/servicedesk/projects/HELP/issues/HELP-42?filter=all',
    'HELP-42',
  ],
  ['jsm', 'https://acme.atlassian.net/browse/HELP-42', 'HELP-42'],
  [
    'jsm',
    'https://acme.atlassian.net/jira/servicedesk/projects/HELP/section/all/custom/12/HELP-42',
    'HELP-42',
  ],
  [
    'jsm',
    'https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1/HELP-42?oldIssueView=true',
    'HELP-42',
  ],
  ['jsm', 'https://acme.atlassian.net/jira/servicedesk/projects/HELP/section/all/custom/12', null],
  [
    'jsm',
    'https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1?selectedIssue=HELP-7',
    'HELP-7',
  ],
  ['jsm', 'https://acme.atlassian.net/jira/servicedesk/projects/HELP/queues/custom/1', null],
  ['jsm', 'https://acme.atlassian.net/wiki/spaces/HELP/pages/1', null],
  [
    'kustomer',
    'https://acme.kustomerapp.com/app/customers/5e1f0c2a9b8d7c6e5f4a3b2c/event/6a1f0c2a9b8d7c6e5f4a3b2d',
    '5e1f0c2a9b8d7c6e5f4a3b2c',
    { uid: '5e1f0c2a9b8d7c6e5f4a3b2c' },
  ],
  [
    'kustomer',
    'https://acme.kustomerapp.com/app/customers/5e1f0c2a9b8d7c6e5f4a3b2c',
    '5e1f0c2a9b8d7c6e5f4a3b2c',
  ],
  ['kustomer', 'https://acme.kustomerapp.com/app/search', null],
  ['zammad', 'https://acme.zammad.com/#ticket/zoom/31', '31'],
  ['zammad', 'https://helpdesk.acme.org/#ticket/zoom/31/112', '31'],
  ['zammad', 'https://helpdesk.acme.org/desktop/tickets/31', '31'],
  ['zammad', 'https://helpdesk.acme.org/mobile/tickets/31', '31'],
  ['zammad', 'https://helpdesk.acme.org/#dashboard', null],
  ['zammad', 'https://helpdesk.acme.org/desktop/ticket/zoom/31', '31'],
  ['zammad', 'https://helpdesk.acme.org/desktop/ticket/zoom/', null],
  ['freescout', 'https://support.acme.org/conversation/77?folder_id=3', '77'],
  ['freescout', 'https://acme.org/helpdesk/conversation/77', '77'],
  ['freescout', 'https://support.acme.org/mailbox/1/3', null],
  ['osticket', 'https://acme.org/support/scp/tickets.php?id=42', '42'],
  ['osticket', 'https://acme.org/scp/tickets.php?a=edit&id=42#reply', '42'],
  ['osticket', 'https://acme.org/scp/tickets.php?uid=42', null],
  ['osticket', 'https://acme.org/scp/tickets.php?status=open', null],
  [
    'crisp',
    'https://app.crisp.chat/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/inbox/session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881/',
    'session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881',
  ],
  ['crisp', 'https://app.crisp.chat/website/8c842203/contacts/', null],
  ['livechat', 'https://my.livechatinc.com/chats/RZ8YKJ3WQ7', 'RZ8YKJ3WQ7'],
  ['livechat', 'https://my.livechatinc.com/archives/RZ8YKJ3WQ7/RZ8YKJ3WQ8', 'RZ8YKJ3WQ7'],
  ['livechat', 'https://my.livechatinc.com/chats', null],
  [
    'gmail',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzbQvHRMhVZkTBxWKMvxMgVW',
    'FMfcgzQZTzbQvHRMhVZkTBxWKMvxMgVW',
  ],
  ['gmail', 'https://mail.google.com/mail/u/1/#label/Support/18f0a1b2c3d4e5f6', '18f0a1b2c3d4e5f6'],
  ['gmail', 'https://mail.google.com/mail/u/0/#inbox', null],
  [
    'gmail',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzbQvHRMhVZkTBxWKMvxMgVW?compose=new',
    'FMfcgzQZTzbQvHRMhVZkTBxWKMvxMgVW',
  ],
  [
    'gmail',
    'https://mail.google.com/mail/u/0/#label/Support/18f0a1b2c3d4e5f6?compose=CllgCJZWQlQ',
    '18f0a1b2c3d4e5f6',
  ],
  ['gmail', 'https://mail.google.com/mail/u/0/#inbox?compose=new', null],
  ['gmail', 'https://mail.google.com/mail/u/0/#search/refund', null],
  ['gmail', 'https://mail.google.com/mail/u/0/#settings/general', null],
];

describe('ticket URLs', () => {
  it.each(CASES)('%s: %s → %s', (helpdesk, url, id, groups) => {
    const ticket = parseTicket(byId(helpdesk as never)!, new URL(url));
    expect(ticket?.id ?? null).toBe(id);
    if (groups) expect(ticket?.parts).toMatchObject(groups);
  });

  it('every helpdesk has one adapter and URL cases', () => {
    for (const [id, adapter] of Object.entries(ADAPTERS)) expect(adapter.id).toBe(id);
    expect(Object.keys(ADAPTERS)).toEqual(HELPDESK_IDS);
    for (const id of HELPDESK_IDS) {
      expect(CASES.filter(([h, , t]) => h === id && t).length, id).toBeGreaterThan(0);
      expect(CASES.filter(([h, , t]) => h === id && !t).length, id).toBeGreaterThan(0);
    }
  });

  it('each vendor host picks its adapter; other hosts pick none', () => {
    const hosts: [string, string | undefined][] = [
      ['acme.zendesk.com', 'zendesk'],
      ['acme.freshdesk.com', 'freshdesk'],
      ['acme.freshservice.com', 'freshservice'],
      ['secure.helpscout.net', 'helpscout'],
      ['app.intercom.com', 'intercom'],
      ['app.eu.intercom.com', 'intercom'],
      ['app.au.intercom.com', 'intercom'],
      ['app.frontapp.com', 'front'],
      ['acme.gorgias.com', 'gorgias'],
      ['app.hubspot.com', 'hubspot'],
      ['app-eu1.hubspot.com', 'hubspot'],
      ['app-na1.hubspot.com', 'hubspot'],
      ['app-na2.hubspot.com', 'hubspot'],
      ['app-na3.hubspot.com', 'hubspot'],
      ['app-ap1.hubspot.com', 'hubspot'],
      ['www.hubspot.com', undefined],
      ['community.hubspot.com', undefined],
      ['desk.zoho.com.au', 'zohodesk'],
      ['acme.lightning.force.com', 'salesforce'],
      ['acme.atlassian.net', 'jsm'],
      ['acme.kustomerapp.com', 'kustomer'],
      ['acme.zammad.com', 'zammad'],
      ['app.crisp.chat', 'crisp'],
      ['my.livechatinc.com', 'livechat'],
      ['mail.google.com', 'gmail'],
      ['support.acme.com', undefined],
      ['zendesk.com.evil.example', undefined],
      ['evilzendesk.com', undefined],
      ['app.intercom.com.evil.example', undefined],
      ['zendesk.com', undefined],
      ['constructor', undefined],
    ];
    // The worker answers the content script's site/which from this.
    for (const [host, id] of hosts)
      expect(vendorHelpdeskAt(`https://${host}`) ?? undefined, host).toBe(id);
  });

  it('HubSpot runs on each data centre, app.hubspot.com or app-<region><n>, and nowhere else', () => {
    const hosts = HELPDESKS.hubspot.matches.map((p) => /^https:\/\/([^/]+)\/\*$/.exec(p)?.[1]);
    expect(hosts).toContain('app.hubspot.com');
    expect(hosts).toEqual(expect.arrayContaining(['app-eu1.hubspot.com', 'app-na2.hubspot.com']));
    for (const host of hosts) expect(host).toMatch(/^app(?:-[a-z]+\d+)?\.hubspot\.com$/);
  });

  it('every static content-script host is one some adapter recognises', () => {
    for (const pattern of HELPDESK_MATCHES) {
      const host = /^https:\/\/([^/]+)\//.exec(pattern)![1]!.replace('*.', 'acme.');
      expect(byId(vendorHelpdeskAt(`https://${host}`)), pattern).toBeDefined();
    }
  });

  it('a ticket path only counts at the start of the address: the same words deeper are another page', () => {
    // Help-centre articles, redirects and embedded apps carry a ticket's path inside their own;
    // a badge there would offer a customer who is not on that page.
    const deeper: [string, string][] = [
      ['freshdesk', 'https://acme.freshdesk.com/support/solutions/a/tickets/10'],
      ['helpscout', 'https://secure.helpscout.net/docs/conversation/1353459485'],
      ['front', 'https://app.frontapp.com/help/open/cnv_55c8c149'],
      ['gorgias', 'https://acme.gorgias.com/help/app/ticket/4410'],
      ['hubspot', 'https://app.hubspot.com/docs/help-desk/4455667/view/1/ticket/9001'],
      ['jsm', 'https://acme.atlassian.net/wiki/browse/SUP-12'],
      ['livechat', 'https://my.livechatinc.com/apps/chats/RZ8YKJ3WQ7'],
      ['gmail', 'https://mail.google.com/a/mail/u/0/#inbox/FMfcgzQZTzbQvHRMhVZkTBxWKMvxMgVW'],
      ['zammad', 'https://helpdesk.acme.org/help/desktop/ticket/zoom/31'],
    ];
    for (const [id, url] of deeper) {
      expect(parseTicket(byId(id as never)!, new URL(url)), url).toBeNull();
    }
  });

  it('parsing is pure: the same URL always gives the same ticket, without touching the DOM', () => {
    const url = new URL('https://acme.zendesk.com/agent/tickets/123');
    expect(parseTicket(byId('zendesk')!, url)).toEqual(parseTicket(byId('zendesk')!, url));
    expect(typeof document).toBe('undefined');
  });
});
