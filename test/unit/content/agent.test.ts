// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTicket, type Adapter } from '../../../src/content/adapter';
import { readAgent, readCustomer, start } from '../../../src/content/engine';
import { byId } from '../../../src/content/registry';
import type { HelpdeskId } from '../../../src/shared/helpdesks';
import { fakeGet, fakeRuntime, fixture, json, loadPage, type FakeRuntime } from './support';

// The signed-in agent as the helpdesk's own API tells it: Zendesk's "Show the currently
// authenticated user" (GET /api/v2/users/me.json → {user:{id,name,email,role,…}}; an anonymous
// caller gets {user:{id:null,role:"end-user",…}}) and Zammad's GET /api/v1/users/me
// ({id,firstname,lastname,email,…}), and Intercom's Inbox (GET /ember/admins/me.json?app_id=…
// → {id,name,first_name,last_name,email,…}, the response Kenchi's open-source extractor reads).
// Fixtures in test/fixtures/helpdesks/*/users-me*.json and intercom/admins-me.json.

const adapter = (id: HelpdeskId): Adapter => byId(id)!;
const ZENDESK_TICKET = 'https://acme.zendesk.com/agent/tickets/123';
/** The ticket an adapter is on, as the engine parses it from the page's URL. */
const at = (id: HelpdeskId, url = ZENDESK_TICKET) => parseTicket(adapter(id), new URL(url))!;
const ZAMMAD_TICKET = 'https://helpdesk.acme.com/#ticket/zoom/42';
const INTERCOM_CONVERSATION =
  'https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/555';

let stops: (() => void)[] = [];

afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('adapters read the signed-in agent from the helpdesk’s own API', () => {
  it('Zendesk: users/me.json, the agent’s id, name and address', async () => {
    const get = fakeGet({ '/api/v2/users/me.json': json('zendesk/users-me.json') });
    const agent = await adapter('zendesk').agent!(get, at('zendesk'));
    expect(get.calls.map(([path]) => path)).toEqual(['/api/v2/users/me.json']);
    expect(agent).toMatchObject({ id: 3412, name: 'Sam Support', email: 'Sam.Support@acme.com' });
  });

  it('Zendesk: an anonymous caller (an end user) is no agent', async () => {
    const get = fakeGet({ '/api/v2/users/me.json': json('zendesk/users-me-anonymous.json') });
    expect(await adapter('zendesk').agent!(get, at('zendesk'))).toBeUndefined();
  });

  it('Zammad: users/me, first and last name joined', async () => {
    const get = fakeGet({ '/api/v1/users/me': json('zammad/users-me.json') });
    const agent = await adapter('zammad').agent!(get, at('zammad', ZAMMAD_TICKET));
    expect(get.calls.map(([path]) => path)).toEqual(['/api/v1/users/me']);
    expect(agent).toMatchObject({ id: 3, name: 'Joe Smith', email: 'joe.smith@acme.com' });
  });

  it('Intercom: admins/me.json of the workspace in the URL, the teammate’s id, name and address', async () => {
    const get = fakeGet({ '/ember/admins/me.json?app_id=abc123': json('intercom/admins-me.json') });
    const agent = await adapter('intercom').agent!(get, at('intercom', INTERCOM_CONVERSATION));
    expect(get.calls.map(([path]) => path)).toEqual(['/ember/admins/me.json?app_id=abc123']);
    expect(agent).toMatchObject({
      id: '5503945',
      name: 'Sam Support',
      email: 'Sam.Support@acme.com',
    });
  });

  it('no answer (signed out, an error page): no agent', async () => {
    expect(await adapter('zendesk').agent!(fakeGet({}), at('zendesk'))).toBeUndefined();
    expect(
      await adapter('zammad').agent!(fakeGet({}), at('zammad', ZAMMAD_TICKET)),
    ).toBeUndefined();
    const intercom = at('intercom', INTERCOM_CONVERSATION);
    expect(await adapter('intercom').agent!(fakeGet({}), intercom)).toBeUndefined();
  });
});

/** The helpdesk's JSON by URL; anything else is a 404. */
function serve(routes: Record<string, unknown>) {
  const fetch = vi.fn(async (url: string) =>
    url in routes ? Response.json(routes[url]) : new Response('', { status: 404 }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const runtime = (): FakeRuntime =>
  fakeRuntime((m) =>
    m.type === 'ticket/identify'
      ? { ok: true, data: { state: 'online', label: 'Online', title: 'Online', canStart: true } }
      : { ok: true, data: null },
  );

const agentReports = (rt: FakeRuntime) =>
  rt.sent.filter((m) => (m as { type: string }).type === 'ticket/agent');

describe('the content script reports the agent and never takes them for the customer', () => {
  beforeEach(() => {
    loadPage('https://acme.zendesk.com/agent/tickets/123');
  });

  it('reports the helpdesk’s agent to the worker and returns their address, lower case', async () => {
    serve({ 'https://acme.zendesk.com/api/v2/users/me.json': json('zendesk/users-me.json') });
    const rt = runtime();
    expect(await readAgent(adapter('zendesk'), at('zendesk'))).toBe('sam.support@acme.com');
    expect(agentReports(rt)).toEqual([
      { type: 'ticket/agent', helpdesk: 'zendesk', id: '3412', name: 'Sam Support' },
    ]);
  });

  it('a helpdesk without an agent read, or one that does not answer, reports nothing', async () => {
    serve({});
    const rt = runtime();
    expect(await readAgent(adapter('zendesk'), at('zendesk'))).toBeUndefined();
    const freshdesk = at('freshdesk', 'https://acme.freshdesk.com/a/tickets/42');
    expect(await readAgent(adapter('freshdesk'), freshdesk)).toBeUndefined();
    expect(agentReports(rt)).toEqual([]);
  });

  it('the agent’s own address on the ticket is set aside, the customer’s taken', async () => {
    // The ticket's JSON fails: the page is read, where the composer lists the agent (copied in)
    // before the customer.
    serve({});
    runtime();
    const page = fixture('zendesk/ticket.html').replace(
      '<img data-garden-id="tags.avatar" alt="Jane.Doe@Example.com" />',
      '<img data-garden-id="tags.avatar" alt="Sam.Support@acme.com" /><span>Sam Support</span>' +
        '<img data-garden-id="tags.avatar" alt="Jane.Doe@Example.com" />',
    );
    loadPage('https://acme.zendesk.com/agent/tickets/123', page);
    const a = adapter('zendesk');
    const ticket = parseTicket(a, new URL(location.href))!;
    const signal = new AbortController().signal;

    const [without] = await readCustomer(a, ticket, signal);
    expect(without?.email).toBe('sam.support@acme.com');

    const mine = Promise.resolve('sam.support@acme.com');
    const [ids, , from, ignored] = await readCustomer(a, ticket, signal, mine);
    expect(ids?.email).toBe('jane.doe@example.com');
    expect(from).toBe('page');
    expect(ignored).toContain('sam.support@acme.com');
  });

  it('asks once per page load, however many tickets the agent opens', async () => {
    vi.useFakeTimers();
    const fetch = serve({
      'https://acme.zendesk.com/api/v2/users/me.json': json('zendesk/users-me.json'),
      'https://acme.zendesk.com/api/v2/tickets/123.json?include=users':
        json('zendesk/ticket-123.json'),
      'https://acme.zendesk.com/api/v2/tickets/124.json?include=users':
        json('zendesk/ticket-124.json'),
    });
    const rt = runtime();
    loadPage('https://acme.zendesk.com/agent/tickets/123', fixture('zendesk/ticket.html'));
    stops.push(start(adapter('zendesk')));
    await vi.advanceTimersByTimeAsync(0);
    history.pushState({}, '', '/agent/tickets/124');
    await vi.advanceTimersByTimeAsync(600);
    const asked = fetch.mock.calls.map(([url]) => String(url));
    expect(asked.filter((url) => url.endsWith('/users/me.json'))).toHaveLength(1);
    expect(asked.filter((url) => url.includes('/tickets/124.json'))).toHaveLength(1);
    expect(agentReports(rt)).toHaveLength(1);
  });

  it('Intercom: the teammate of the workspace in view is reported, the customer read beside', async () => {
    vi.useFakeTimers();
    const base = 'https://app.intercom.com';
    serve({
      [`${base}/ember/admins/me.json?app_id=abc123`]: json('intercom/admins-me.json'),
      [`${base}/ember/inbox/conversations/555?app_id=abc123`]: json(
        'intercom/conversation-555.json',
      ),
    });
    const rt = runtime();
    loadPage(INTERCOM_CONVERSATION, fixture('intercom/conversation.html'));
    stops.push(start(adapter('intercom')));
    await vi.advanceTimersByTimeAsync(0);
    expect(agentReports(rt)).toEqual([
      { type: 'ticket/agent', helpdesk: 'intercom', id: '5503945', name: 'Sam Support' },
    ]);
    const identify = rt.sent.find((m) => (m as { type: string }).type === 'ticket/identify');
    expect(identify).toMatchObject({
      helpdesk: 'intercom',
      identities: { email: expect.any(String) },
    });
  });
});
