// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTicket, type Adapter } from '../../../src/content/adapter';
import { readCustomer } from '../../../src/content/engine';
import { normalise } from '../../../src/content/identity';
import { firstVisible, scopeOf } from '../../../src/content/read';
import { byId } from '../../../src/content/registry';
import type { HelpdeskId } from '../../../src/shared/helpdesks';
import { bigZendeskTicket, fakeGet, fixture, json, loadPage } from './support';

const adapter = (id: HelpdeskId): Adapter => byId(id)!;

/** What the adapter's same-origin JSON reading makes of the fixture responses. */
async function fromApi(id: HelpdeskId, url: string, routes: Record<string, unknown>) {
  const a = adapter(id);
  const ticket = parseTicket(a, new URL(url))!;
  const get = fakeGet(routes);
  const found = await a.api!(ticket, get);
  return { ids: found && normalise(found), calls: get.calls };
}

/** What the engine reads from a fixture page at the ticket's URL, the helpdesk's JSON failing. */
async function fromPage(id: HelpdeskId, url: string, html: string) {
  loadPage(url, html);
  const a = adapter(id);
  const [ids, at, from, ignored] = await readCustomer(
    a,
    parseTicket(a, new URL(url))!,
    new AbortController().signal,
  );
  return { ids, at, from, ignored };
}

beforeEach(() => {
  // The helpdesk's JSON is unavailable unless a test says otherwise: the page is what is read.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('Not found', { status: 404 })),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('Zendesk', () => {
  const url = 'https://acme.zendesk.com/agent/tickets/123';

  it('reads the requester from the sideloaded users, not the agent or the CC', async () => {
    const { ids, calls } = await fromApi('zendesk', url, {
      '/api/v2/tickets/123.json?include=users': json('zendesk/ticket-123.json'),
    });
    expect(calls.map(([path]) => path)).toEqual(['/api/v2/tickets/123.json?include=users']);
    expect(ids).toEqual({
      email: 'jane.doe@example.com',
      name: 'Jane Doe',
      externalId: 'user-1001',
      helpdeskUserId: '3901001',
    });
  });

  it('a requester without an email: their Zendesk id, name and the code they wrote', async () => {
    const { ids } = await fromApi('zendesk', 'https://acme.zendesk.com/agent/tickets/125', {
      '/api/v2/tickets/125.json?include=users': json('zendesk/ticket-125-no-email.json'),
    });
    expect(ids).toEqual({ helpdeskUserId: '3901', name: 'Alex Kim', lookupCode: '4821' });
  });

  it('a ticket an agent filed for themselves has no customer', async () => {
    const { ids } = await fromApi('zendesk', 'https://acme.zendesk.com/agent/tickets/126', {
      '/api/v2/tickets/126.json?include=users': json('zendesk/ticket-126-agent-requester.json'),
    });
    expect(ids).toBeNull();
  });

  it('a system address as requester is not a customer address', async () => {
    const { ids } = await fromApi('zendesk', 'https://acme.zendesk.com/agent/tickets/127', {
      '/api/v2/tickets/127.json?include=users': json('zendesk/ticket-127-system-address.json'),
    });
    expect(ids).toEqual({ helpdeskUserId: '555', name: 'Mail Delivery Subsystem' });
  });

  it('hostile values are only ever strings, and invalid ids are dropped', async () => {
    const { ids } = await fromApi('zendesk', 'https://acme.zendesk.com/agent/tickets/128', {
      '/api/v2/tickets/128.json?include=users': json('zendesk/ticket-hostile.json'),
    });
    expect(ids).toEqual({
      email: 'hostile@example.com',
      name: '<img src=x onerror=alert(1)>',
      helpdeskUserId: '666',
    });
  });

  it('without JSON, reads the visible workspace only: not the background tab or the header', async () => {
    const { ids, at } = await fromPage('zendesk', url, fixture('zendesk/ticket.html'));
    expect(ids).toEqual({ email: 'jane.doe@example.com', name: 'Jane Doe' });
    expect(at?.getAttribute('alt')).toBe('Jane.Doe@Example.com');
  });

  it('the background tab is read when it is the ticket in the URL and shown', async () => {
    loadPage('https://acme.zendesk.com/agent/tickets/120', fixture('zendesk/ticket.html'));
    const [bg, fg] = document.querySelectorAll<HTMLElement>('.workspace');
    bg!.style.display = '';
    fg!.style.display = 'none';
    const a = adapter('zendesk');
    const [ids] = await readCustomer(
      a,
      parseTicket(a, new URL(location.href))!,
      new AbortController().signal,
    );
    expect(ids).toEqual({ email: 'priya.patel@example.com', name: 'Priya Patel' });
  });

  it('a very large ticket (28,000+ nodes) is read without scanning the whole page', async () => {
    loadPage(url, bigZendeskTicket(123, 2000));
    expect(document.getElementsByTagName('*').length).toBeGreaterThan(10_000);
    // Counted, not timed: the largest set of elements any one query of the adapter returned. A
    // whole-page scan (every element, every link, every text node) returns thousands; reading
    // the requester's field returns a handful, whatever the size of the conversation.
    let largest = 0;
    const measure = <T extends { length: number }>(found: T): T => {
      largest = Math.max(largest, found.length);
      return found;
    };
    const all = Element.prototype.querySelectorAll;
    const allInDocument = Document.prototype.querySelectorAll;
    const byTag = Document.prototype.getElementsByTagName;
    vi.spyOn(Element.prototype, 'querySelectorAll').mockImplementation(function (
      this: Element,
      selectors: string,
    ) {
      return measure(all.call(this, selectors));
    });
    vi.spyOn(Document.prototype, 'querySelectorAll').mockImplementation(function (
      this: Document,
      selectors: string,
    ) {
      return measure(allInDocument.call(this, selectors));
    });
    vi.spyOn(Document.prototype, 'getElementsByTagName').mockImplementation(function (
      this: Document,
      name: string,
    ) {
      return measure(byTag.call(this, name));
    });
    const walkers = vi.spyOn(Document.prototype, 'createTreeWalker');
    const a = adapter('zendesk');
    const [ids] = await readCustomer(
      a,
      parseTicket(a, new URL(url))!,
      new AbortController().signal,
    );
    expect(ids).toEqual({ email: 'jane.doe@example.com', name: 'Jane Doe' });
    expect(largest).toBeLessThan(50);
    expect(walkers).not.toHaveBeenCalled();
  });
});

describe('Freshdesk and Freshservice', () => {
  it('Freshdesk: the requester included with the ticket', async () => {
    const { ids, calls } = await fromApi('freshdesk', 'https://acme.freshdesk.com/a/tickets/10', {
      '/api/_/tickets/10?include=requester': json('freshdesk/ticket-10.json'),
    });
    expect(calls).toHaveLength(1);
    expect(ids).toEqual({
      email: 'maria.garcia@example.com',
      name: 'Maria Garcia',
      helpdeskUserId: '5010',
    });
  });

  it('Freshdesk: the contact fetched by requester_id when not included', async () => {
    const { ids, calls } = await fromApi('freshdesk', 'https://acme.freshdesk.com/a/tickets/11', {
      '/api/_/tickets/11?include=requester': json('freshdesk/ticket-11.json'),
      '/api/_/contacts/5011': json('freshdesk/contact-5011.json'),
    });
    expect(calls.map(([p]) => p)).toEqual([
      '/api/_/tickets/11?include=requester',
      '/api/_/contacts/5011',
    ]);
    expect(ids).toEqual({
      email: 'priya.patel@example.com',
      name: 'Priya Patel',
      helpdeskUserId: '5011',
    });
  });

  it('Freshservice: the requester record, and the code in the description', async () => {
    const { ids } = await fromApi('freshservice', 'https://acme.freshservice.com/a/tickets/301', {
      '/api/_/tickets/301?include=requester': json('freshservice/ticket-301.json'),
      '/api/_/requesters/8001': json('freshservice/requester-8001.json'),
    });
    expect(ids).toEqual({
      email: 'sam.lee@example.com',
      name: 'Sam Lee',
      helpdeskUserId: '8001',
      lookupCode: '4821',
    });
  });

  it('no answer from the API gives no customer (and no DOM guessing)', async () => {
    const { ids } = await fromApi('freshdesk', 'https://acme.freshdesk.com/a/tickets/12', {});
    expect(ids).toBeUndefined();
  });
});

describe('Intercom, Gorgias, HubSpot, Zammad, Jira Service Management', () => {
  it('Intercom: the website user id, the Intercom user id and the email', async () => {
    const { ids, calls } = await fromApi(
      'intercom',
      'https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/555',
      { '/ember/inbox/conversations/555?app_id=abc123': json('intercom/conversation-555.json') },
    );
    expect(calls).toHaveLength(1);
    expect(ids).toEqual({
      email: 'alex.kim@example.com',
      name: 'Alex Kim',
      externalId: 'user-5150',
      helpdeskUserId: 'abc',
    });
  });

  it('Gorgias: the ticket customer, not the assignee, a message sender or the CC', async () => {
    const { ids } = await fromApi('gorgias', 'https://acme.gorgias.com/app/ticket/4410', {
      '/api/tickets/4410': json('gorgias/ticket-4410.json'),
    });
    expect(ids).toEqual({
      email: 'tom.baker@example.com',
      name: 'Tom Baker',
      externalId: 'user-1002',
      helpdeskUserId: '99881',
    });
  });

  it('Gorgias: a ticket opened from a view reads the same API', async () => {
    for (const url of [
      'https://acme.gorgias.com/app/views/7321/4410',
      'https://acme.gorgias.com/app/tickets/7321/4410',
    ]) {
      const { calls } = await fromApi('gorgias', url, {
        '/api/tickets/4410': json('gorgias/ticket-4410.json'),
      });
      expect(calls.map(([path]) => path)).toEqual(['/api/tickets/4410']);
    }
  });

  it('Gorgias: a customer without a main email is reached by their email channel', async () => {
    const { ids } = await fromApi('gorgias', 'https://acme.gorgias.com/app/ticket/4411', {
      '/api/tickets/4411': json('gorgias/ticket-4411-channel-email.json'),
    });
    expect(ids).toEqual({
      email: 'priya.patel@example.com',
      name: 'Priya Patel',
      helpdeskUserId: '99882',
    });
  });

  it('HubSpot: ticket → associated contact, with the CSRF header from the cookie', async () => {
    loadPage('https://app.hubspot.com/help-desk/4455667/view/123/ticket/9001');
    document.cookie = 'hubspotapi-csrf=csrf-token-123';
    const { ids, calls } = await fromApi(
      'hubspot',
      'https://app.hubspot.com/help-desk/4455667/view/123/ticket/9001',
      {
        '/api/crm/v3/objects/tickets/9001?associations=contacts&portalId=4455667': json(
          'hubspot/ticket-9001.json',
        ),
        '/api/crm/v3/objects/contacts/701?properties=email,firstname,lastname&portalId=4455667':
          json('hubspot/contact-701.json'),
      },
    );
    expect(calls).toHaveLength(2);
    expect(calls[0]![1]).toEqual({ 'X-HubSpot-CSRF-hubspotapi': 'csrf-token-123' });
    expect(ids).toEqual({ email: 'jane.doe@example.com', name: 'Jane Doe', helpdeskUserId: '701' });
  });

  it('HubSpot: the CSRF token from the csrf.app cookie, on another data centre', async () => {
    loadPage('https://app-na2.hubspot.com/help-desk/4455667/view/123/ticket/9001');
    document.cookie = 'hubspotapi-csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    document.cookie = 'csrf.app=csrf-token-456';
    const { ids, calls } = await fromApi(
      'hubspot',
      'https://app-na2.hubspot.com/help-desk/4455667/view/123/ticket/9001',
      {
        '/api/crm/v3/objects/tickets/9001?associations=contacts&portalId=4455667': json(
          'hubspot/ticket-9001.json',
        ),
        '/api/crm/v3/objects/contacts/701?properties=email,firstname,lastname&portalId=4455667':
          json('hubspot/contact-701.json'),
      },
    );
    expect(calls.map(([, headers]) => headers)).toEqual([
      { 'X-HubSpot-CSRF-hubspotapi': 'csrf-token-456' },
      { 'X-HubSpot-CSRF-hubspotapi': 'csrf-token-456' },
    ]);
    expect(ids).toEqual({ email: 'jane.doe@example.com', name: 'Jane Doe', helpdeskUserId: '701' });
    document.cookie = 'csrf.app=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('HubSpot: a ticket without a contact has no customer', async () => {
    const { ids, calls } = await fromApi(
      'hubspot',
      'https://app.hubspot.com/contacts/4455667/record/0-5/9003',
      {
        '/api/crm/v3/objects/tickets/9003?associations=contacts&portalId=4455667': json(
          'hubspot/ticket-no-contact.json',
        ),
      },
    );
    expect(calls).toHaveLength(1);
    expect(ids).toBeNull();
  });

  it('Zammad: the badge goes on the ticket in view, not one kept hidden', () => {
    loadPage('https://helpdesk.acme.org/#ticket/zoom/31', fixture('zammad/ticket.html'));
    const a = adapter('zammad');
    const root = scopeOf(a, parseTicket(a, new URL(location.href))!);
    expect(root && firstVisible(root, a.anchor!)?.textContent).toBe('Printer offline');
  });

  it('Zammad: the ticket customer from the assets, not the owner', async () => {
    const { ids } = await fromApi('zammad', 'https://helpdesk.acme.org/#ticket/zoom/31', {
      '/api/v1/tickets/31?all=true': json('zammad/ticket-31.json'),
    });
    expect(ids).toEqual({
      email: 'maria.garcia@example.com',
      name: 'Maria Garcia',
      helpdeskUserId: '12',
    });
  });

  it('JSM: the request reporter', async () => {
    const { ids } = await fromApi('jsm', 'https://acme.atlassian.net/browse/HELP-42', {
      '/rest/servicedeskapi/request/HELP-42': json('jsm/request-HELP-42.json'),
    });
    expect(ids).toEqual({
      email: 'sam.lee@example.com',
      name: 'Sam Lee',
      helpdeskUserId: '5b10ac8d82e05b22cc7d4ef5',
    });
  });

  it('JSM: a reporter whose email is hidden: their account id and name, never the name as email', async () => {
    const { ids } = await fromApi(
      'jsm',
      'https://acme.atlassian.net/jira/servicedesk/projects/HELP/section/all/custom/12/HELP-43',
      { '/rest/servicedeskapi/request/HELP-43': json('jsm/request-hidden-email.json') },
    );
    // A portal customer's account id (qm:…, 76 characters) is the helpdesk's own id for them;
    // the display name, here an address the customer typed, is only ever a name.
    expect(ids).toEqual({
      helpdeskUserId:
        'qm:ab584c09-d338-4b3b-8d37-64c431fdd3b7:3fbe8163-963f-41da-89fb-cb731f2f6ff0',
      name: 'tsparks@example.net',
    });
  });

  it('Zoho Desk: the org id from the organizations list, then the ticket’s contact', async () => {
    const { ids, calls } = await fromApi(
      'zohodesk',
      'https://desk.zoho.com/agent/acme/support/tickets/details/482000000123456',
      {
        '/supportapi/zd/acme/api/v1/organizations': json('zohodesk/organizations.json'),
        '/supportapi/zd/acme/api/v1/tickets/482000000123456?include=contacts': json(
          'zohodesk/ticket-482000000123456.json',
        ),
      },
    );
    // The org whose portal is in the URL, not the first one listed; the contact's address, not
    // the migrated routing address on the ticket or the assignee's.
    expect(calls).toEqual([
      ['/supportapi/zd/acme/api/v1/organizations', undefined],
      [
        '/supportapi/zd/acme/api/v1/tickets/482000000123456?include=contacts',
        { orgId: '20078282365' },
      ],
    ]);
    expect(ids).toEqual({
      email: 'maria.garcia@example.com',
      name: 'Maria Garcia',
      helpdeskUserId: '482000000098765',
    });
  });

  it('Zoho Desk: no organization for the portal, no ticket request', async () => {
    const { ids, calls } = await fromApi(
      'zohodesk',
      'https://desk.zoho.com/agent/other/support/tickets/details/482000000123456',
      { '/supportapi/zd/other/api/v1/organizations': json('zohodesk/organizations.json') },
    );
    expect(calls).toHaveLength(1);
    expect(ids).toBeUndefined();
  });
});

describe('helpdesks read from the page', () => {
  it('Help Scout: the first sidebar address, not the quoted ones', async () => {
    const { ids, at } = await fromPage(
      'helpscout',
      'https://secure.helpscout.net/conversation/1353459485/2675457',
      fixture('helpscout/conversation.html'),
    );
    expect(ids).toEqual({ email: 'jane.doe@example.com', name: 'Jane Doe' });
    expect(at?.tagName).toBe('A');
  });

  it('Front: the sender who opened the conversation, not the agent beside them, the CC or the reply', async () => {
    for (const url of [
      'https://app.frontapp.com/open/cnv_55c8c149',
      'https://app.frontapp.com/inboxes/teams/views/4242/open/987654321',
    ]) {
      const { ids, at } = await fromPage('front', url, fixture('front/conversation.html'));
      expect(ids).toEqual({ email: 'sam.lee@example.com' });
      expect(at?.closest('[data-testid^="viewer-"]')?.getAttribute('data-testid')).toBe(
        'viewer-987654321',
      );
    }
  });

  it('Zoho Desk: without its API, the contact card (hooks unconfirmed)', async () => {
    const { ids } = await fromPage(
      'zohodesk',
      'https://desk.zoho.com/agent/acme/support/tickets/details/482000000123456',
      fixture('zohodesk/ticket.html'),
    );
    expect(ids).toEqual({ email: 'maria.garcia@example.com', name: 'Maria Garcia' });
  });

  it('Salesforce: the selected console tab’s Contact Email by field name, in any language', async () => {
    const { ids } = await fromPage(
      'salesforce',
      'https://acme.lightning.force.com/lightning/r/Case/5003000000D8cuIAAR/view',
      fixture('salesforce/case.html'),
    );
    expect(ids).toEqual({ email: 'priya.patel@example.com', name: 'Priya Patel' });
  });

  it('Kustomer: the customer id from the URL and the address from the card', async () => {
    const { ids } = await fromPage(
      'kustomer',
      'https://acme.kustomerapp.com/app/customers/5e1f0c2a9b8d7c6e5f4a3b2c/event/6a1f0c2a9b8d7c6e5f4a3b2d',
      fixture('kustomer/customer.html'),
    );
    expect(ids).toEqual({
      email: 'jane.doe@example.com',
      name: 'Jane Doe',
      helpdeskUserId: '5e1f0c2a9b8d7c6e5f4a3b2c',
    });
  });

  it('FreeScout: the main address and the customer id from the profile link', async () => {
    const { ids, at } = await fromPage(
      'freescout',
      'https://support.acme.org/conversation/77',
      fixture('freescout/conversation.html'),
    );
    expect(ids).toEqual({ email: 'sam.lee@example.com', name: 'Sam Lee', helpdeskUserId: '3301' });
    expect(at?.textContent).toBe('sam.lee@example.com');
  });

  it('osTicket: the owner in ticket_info, not the collaborator', async () => {
    const { ids } = await fromPage(
      'osticket',
      'https://acme.org/support/scp/tickets.php?id=42',
      fixture('osticket/ticket.html'),
    );
    expect(ids).toEqual({ email: 'tom.baker@example.com', name: 'Tom Baker', helpdeskUserId: '2' });
  });

  it('Crisp: the profile address, lower-cased', async () => {
    const { ids } = await fromPage(
      'crisp',
      'https://app.crisp.chat/website/8c842203/inbox/session_700c65e1-85e2/',
      fixture('crisp/conversation.html'),
    );
    expect(ids).toEqual({ email: 'jane.doe@example.com', name: 'Jane Doe' });
  });

  it('Crisp: an anonymous visitor without an email waits, then gives the name only', async () => {
    vi.useFakeTimers();
    const read = fromPage(
      'crisp',
      'https://app.crisp.chat/website/8c842203/inbox/session_700c65e1-85e2/',
      fixture('crisp/conversation-no-email.html'),
    );
    await vi.runAllTimersAsync();
    expect((await read).ids).toEqual({ name: 'Visitor 4412' });
  });

  it('LiveChat: the customer details', async () => {
    const { ids } = await fromPage(
      'livechat',
      'https://my.livechatinc.com/chats/RZ8YKJ3WQ7',
      fixture('livechat/chat.html'),
    );
    expect(ids).toEqual({ email: 'maria.garcia@example.com', name: 'Maria Garcia' });
  });

  it('Gmail: the latest sender who is not the agent, and the code they wrote', async () => {
    const { ids, at } = await fromPage(
      'gmail',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzbQvHRMhVZkTBxWKMvxMgVW',
      fixture('gmail/thread.html'),
    );
    expect(ids).toEqual({ email: 'jane.doe@example.com', name: 'Jane Doe', lookupCode: '4821' });
    expect(at?.closest('.adn')?.getAttribute('data-message-id')).toBe('#msg-a:r3');
  });

  it('what was read says where from, and which address was set aside as the agent’s own', async () => {
    const { from, ignored } = await fromPage(
      'gmail',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzbQvHRMhVZkTBxWKMvxMgVW',
      fixture('gmail/thread.html'),
    );
    expect(from).toBe('page');
    expect(ignored).toEqual(['joe.smith@acme.com']);
  });

  it('Gmail: a thread with only the agent’s own messages has no customer', async () => {
    vi.useFakeTimers();
    const html = fixture('gmail/thread.html').replace(
      /jane\.doe@example\.com/gi,
      'joe.smith@acme.com',
    );
    const read = fromPage(
      'gmail',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzbQvHRMhVZkTBxWKMvxMgVW',
      html,
    );
    await vi.runAllTimersAsync();
    expect((await read).ids).toBeNull();
    expect((await read).from).toBe('none');
  });

  it('a page that renders late is waited for, and the wait ends when the ticket is left', async () => {
    vi.useFakeTimers();
    loadPage('https://secure.helpscout.net/conversation/1/2');
    const a = adapter('helpscout');
    const leave = new AbortController();
    const read = readCustomer(a, parseTicket(a, new URL(location.href))!, leave.signal);
    await vi.advanceTimersByTimeAsync(1200);
    const aside = document.createElement('aside');
    aside.className = 'c-conversation-sidebar';
    const link = document.createElement('a');
    link.href = 'mailto:jane.doe@example.com';
    aside.append(link);
    document.body.append(aside);
    await vi.advanceTimersByTimeAsync(600);
    expect((await read)[0]).toEqual({ email: 'jane.doe@example.com' });

    const spy = vi.spyOn(document, 'querySelectorAll');
    aside.remove();
    const abandoned = readCustomer(a, parseTicket(a, new URL(location.href))!, leave.signal);
    leave.abort();
    await vi.advanceTimersByTimeAsync(10_000);
    await abandoned;
    expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
