import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUpscopeClient, type UpscopeApiError, type UpscopeClient } from '../../src/api';
import { watchRequestFor, type SessionTicket } from '../../src/background/session-request';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import {
  DEMO_API_KEY,
  FakeUpscope,
  SEED_IDS,
  startFakeUpscopeServer,
  type FakeUpscopeServer,
} from '../fake-upscope';

// Ending a session and what a session is started with, over real HTTP against the fake server:
// the documented path and plain-text answer, and the watch_url body fields as Upscope receives them.

let fake: FakeUpscope;
let server: FakeUpscopeServer;
let api: UpscopeClient;

beforeAll(async () => {
  fake = new FakeUpscope();
  server = await startFakeUpscopeServer(fake);
});
beforeEach(() => {
  fake.reset();
  api = createUpscopeClient({ baseUrl: server.baseUrl, apiKey: DEMO_API_KEY, timeoutMs: 2_000 });
});
afterAll(async () => {
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<UpscopeApiError> {
  try {
    await promise;
  } catch (error) {
    return error as UpscopeApiError;
  }
  throw new Error('expected the call to fail');
}

describe('ending a session', () => {
  it('stops the visitor’s session with DELETE /visitors/:id/session, answered plain-text ok', async () => {
    expect((await api.getVisitor(SEED_IDS.priya)).is_in_session).toBe(true);
    await api.endSession(SEED_IDS.priya);
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({
      method: 'DELETE',
      path: `/v1.1/visitors/${SEED_IDS.priya}/session`,
      status: 200,
    });
    expect(sent.headers['x-api-key']).toBe(DEMO_API_KEY);
    const after = await api.getVisitor(SEED_IDS.priya);
    expect(after.is_in_session).toBe(false);
    expect(after.sessions?.every((s) => s.ended_at)).toBe(true);
  });

  it('is not an error when no session is active (the same plain ok)', async () => {
    expect((await api.getVisitor(SEED_IDS.jane)).is_in_session).toBe(false);
    await expect(api.endSession(SEED_IDS.jane)).resolves.toBeUndefined();
    await expect(api.endSession(SEED_IDS.jane)).resolves.toBeUndefined();
  });

  it('an unknown visitor is not_found, not retried', async () => {
    const error = await failure(api.endSession('NOPE0000'));
    expect(error).toMatchObject({ kind: 'not_found', status: 404 });
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('a session started with a watch URL can be ended', async () => {
    await api.createWatchUrl(SEED_IDS.jane, { agent: { id: 'a-1', name: 'Joe' } });
    expect((await api.getVisitor(SEED_IDS.jane)).is_in_session).toBe(true);
    await api.endSession(SEED_IDS.jane);
    expect((await api.getVisitor(SEED_IDS.jane)).is_in_session).toBe(false);
  });
});

const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  agentId: 'agent-7',
  agentName: 'Joe Smith',
  ...patch,
});

const ticket: SessionTicket = {
  helpdesk: 'zendesk',
  ticketId: '123',
  url: 'https://acme.zendesk.com/agent/tickets/123',
};

async function startWith(s: Settings, from: SessionTicket | null) {
  await api.createWatchUrl(SEED_IDS.jane, watchRequestFor(s, from));
  return fake.watchSessions.at(-1)!;
}

describe('what a session is started with, as Upscope receives it', () => {
  it('Full control sends no permissions; the ticket goes as flat metadata', async () => {
    const session = await startWith(settings(), ticket);
    expect(session.permissions).toBeNull();
    expect(session.metadata).toEqual({
      helpdesk: 'zendesk',
      ticket_id: '123',
      ticket_url: 'https://acme.zendesk.com/agent/tickets/123',
    });
    expect(session.onEndUrl).toBeNull();
    // Upscope files the metadata with the session it opens.
    const visitor = await api.getVisitor(SEED_IDS.jane);
    expect(visitor.sessions?.[0]).toMatchObject({ metadata: session.metadata });
  });

  it('Full control with console access sends only allow_console', async () => {
    const session = await startWith(settings({ allowConsole: true }), ticket);
    expect(session.permissions).toEqual({ allow_console: true });
  });

  it('Guide lets the agent draw and scroll, nothing else', async () => {
    const session = await startWith(settings({ permissionsPreset: 'guide' }), ticket);
    expect(session.permissions).toEqual({
      allow_click: false,
      allow_type: false,
      allow_scroll: true,
      allow_draw: true,
      allow_audio: false,
      allow_agent_redirect: false,
      allow_console: false,
    });
  });

  it('View only allows nothing, console only when switched on', async () => {
    const session = await startWith(
      settings({ permissionsPreset: 'view', allowConsole: true }),
      ticket,
    );
    expect(session.permissions).toEqual({
      allow_click: false,
      allow_type: false,
      allow_scroll: false,
      allow_draw: false,
      allow_audio: false,
      allow_agent_redirect: false,
      allow_console: true,
    });
  });

  it('return to the ticket sends its address as branding.on_end_url', async () => {
    const session = await startWith(settings({ returnToTicket: true }), ticket);
    expect(session.onEndUrl).toBe('https://acme.zendesk.com/agent/tickets/123');
  });

  it('a start from a search carries no ticket fields and no way back', async () => {
    const session = await startWith(settings({ returnToTicket: true }), null);
    expect(session.metadata).toBeNull();
    expect(session.onEndUrl).toBeNull();
    expect(session.body).not.toHaveProperty('metadata');
  });

  it('page_only goes as branding.naked, with no_bottom_bar still sent', async () => {
    const session = await startWith(
      settings({ branding: { naked: 'page_only', noBottomBar: true, retryUrl: null } }),
      ticket,
    );
    expect(session.body).toMatchObject({
      branding: { naked: 'page_only', no_bottom_bar: true, retry_url: null },
    });
  });
});
