import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUpscopeClient, type UpscopeApiError, type UpscopeClient } from '../../src/api';
import {
  DEMO_API_KEY,
  FakeUpscope,
  SEED_IDS,
  startFakeUpscopeServer,
  type FakeUpscopeServer,
} from '../fake-upscope';

// The real client against the project's fake Upscope server over real HTTP on 127.0.0.1: real
// requests, headers, status codes and sockets. Only the waits between retries are shortened.

let fake: FakeUpscope;
let server: FakeUpscopeServer;
const sleeps: number[] = [];

function client(options: { apiKey?: string; timeoutMs?: number; jsonSuffix?: boolean } = {}) {
  return createUpscopeClient({
    baseUrl: server.baseUrl,
    apiKey: options.apiKey ?? DEMO_API_KEY,
    timeoutMs: options.timeoutMs ?? 2_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...(options.jsonSuffix === undefined ? {} : { jsonSuffix: options.jsonSuffix }),
  });
}

async function failure(promise: Promise<unknown>): Promise<UpscopeApiError> {
  try {
    await promise;
  } catch (error) {
    return error as UpscopeApiError;
  }
  throw new Error('expected the call to fail');
}

const apiRequests = () => fake.requests.filter((r) => r.path.startsWith('/v1.1/'));

beforeAll(async () => {
  fake = new FakeUpscope();
  server = await startFakeUpscopeServer(fake);
});
beforeEach(() => {
  fake.reset();
  sleeps.length = 0;
});
afterAll(async () => {
  await server.close();
});

describe('every endpoint, as documented', () => {
  let api: UpscopeClient;
  beforeEach(() => {
    api = client();
  });

  it('reads usage statistics', async () => {
    const usage = await api.getUsage();
    expect(usage.visitors?.online_now).toBeGreaterThan(0);
    expect(usage.session_counts?.now).toBe(2);
    expect(typeof usage.agents?.last_30_days).toBe('number');
    expect(typeof usage.session_seconds?.today).toBe('number');
  });

  it('searches by email and finds every visitor of that person', async () => {
    const visitors = await api.searchVisitors('sam.lee@example.com');
    expect(visitors.map((v) => v.short_id).sort()).toEqual(
      [SEED_IDS.samDesktopInSession, SEED_IDS.samDesktopOffline, SEED_IDS.samMobile].sort(),
    );
    expect(fake.requests.at(-1)?.query).toEqual({ search: 'sam.lee@example.com' });
  });

  it('sends search syntax intact: id:, lookup codes, #tags and integration ids', async () => {
    expect((await api.searchVisitors('id:user-1001')).map((v) => v.short_id)).toEqual([
      SEED_IDS.jane,
    ]);
    expect((await api.searchVisitors('4821')).map((v) => v.short_id)).toEqual([
      SEED_IDS.lookupCode,
    ]);
    expect(
      (await api.searchVisitors('integration_id:zendesk:3901')).map((v) => v.short_id),
    ).toEqual([SEED_IDS.integration]);
    const vip = await api.searchVisitors('#vip');
    expect(vip.every((v) => v.tags?.includes('#vip'))).toBe(true);
    expect(vip.length).toBeGreaterThanOrEqual(2);
  });

  it('lists everyone when the search is empty, and nobody for an unknown email', async () => {
    expect((await api.searchVisitors('  ')).length).toBe(fake.visitors.length);
    expect(fake.requests.at(-1)?.query).toEqual({});
    expect(await api.searchVisitors('nobody@example.com')).toEqual([]);
  });

  it('reads a visitor with its sessions, and UserView history only when asked', async () => {
    const jane = await api.getVisitor(SEED_IDS.jane);
    expect(jane).toMatchObject({
      short_id: SEED_IDS.jane,
      is_online: true,
      unique_id: 'user-1001',
    });
    expect(jane.sessions?.[0]?.agents?.length).toBeGreaterThan(0);

    const plain = await api.getVisitor(SEED_IDS.maria);
    expect(plain.history ?? null).toBeNull();
    const maria = await api.getVisitor(SEED_IDS.maria, { withHistory: true });
    expect(maria.is_waiting_for_call).toBe(true);
    expect(maria.history?.length).toBeGreaterThanOrEqual(2);
    expect(maria.history?.[0]?.screenshot?.small?.url).toMatch(/^https:\/\/cdn\.upscope\.io\//);
    expect(maria.history?.[0]?.events?.length).toBeGreaterThan(0);
    expect(fake.requests.at(-1)?.query).toEqual({ with_history: 'true' });
  });

  it('deletes a visitor, after which they are gone', async () => {
    await api.deleteVisitor(SEED_IDS.tom);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 200 });
    expect((await failure(api.getVisitor(SEED_IDS.tom))).kind).toBe('not_found');
  });

  it('bulk-deletes only offline visitors', async () => {
    await api.deleteOfflineVisitors();
    const left = await api.searchVisitors('');
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((v) => v.is_online)).toBe(true);
  });

  it('creates a watch URL with the agent and branding in the documented body', async () => {
    const watchUrl = await api.createWatchUrl(SEED_IDS.jane, {
      agent: { id: 'agent-7', name: 'Joe Smith' },
      branding: { naked: true, retryUrl: 'https://helpdesk.example/retry', noBottomBar: false },
    });
    expect(watchUrl).toMatch(/^https:\/\/o\.upscope\.io\/\?session=/);
    expect(fake.watchSessions).toHaveLength(1);
    expect(fake.watchSessions[0]?.body).toEqual({
      agent: { id: 'agent-7', name: 'Joe Smith' },
      branding: { naked: true, retry_url: 'https://helpdesk.example/retry', no_bottom_bar: false },
    });
    expect((await api.getVisitor(SEED_IDS.jane)).is_in_session).toBe(true);
  });

  it('sends the key only as X-Api-Key, with JSON headers and no cookies', async () => {
    await api.getUsage();
    const headers = fake.requests.at(-1)!.headers;
    expect(headers['x-api-key']).toBe(DEMO_API_KEY);
    expect(headers.accept).toBe('application/json');
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
  });

  it('drops the .json suffix for later API versions that have none', async () => {
    const noSuffix = client({ jsonSuffix: false });
    expect((await failure(noSuffix.getUsage())).kind).toBe('endpoint_not_found');
    expect(fake.requests.at(-1)?.path).toBe('/v1.1/usage');
  });
});

describe('errors, each with its HTTP status and the vendor code', () => {
  it.each([
    ['subscription_expired', 'subscription_expired'],
    ['no_subscription', 'no_subscription'],
    ['api_not_enabled', 'api_not_enabled'],
    ['please_contact_team', 'access_restricted'],
  ] as const)('a key in state %s fails as %s, once, without retrying', async (state, kind) => {
    fake.setKey('team-key', state);
    const error = await failure(client({ apiKey: 'team-key' }).getUsage());
    expect(error).toMatchObject({ kind, status: 401, code: state, retryable: false });
    expect(apiRequests()).toHaveLength(1);
  });

  it('an unknown key is invalid_api_key', async () => {
    const error = await failure(client({ apiKey: 'not-a-key' }).searchVisitors('x'));
    expect(error).toMatchObject({ kind: 'invalid_api_key', status: 401, code: 'invalid_api_key' });
  });

  it('a revoked key stops working at once', async () => {
    const api = client();
    await api.getUsage();
    fake.revokeKey(DEMO_API_KEY);
    expect((await failure(api.getUsage())).kind).toBe('invalid_api_key');
  });

  it('an unknown visitor is not_found, for reads, deletes and watch URLs alike', async () => {
    const api = client();
    expect(await failure(api.getVisitor('NOPE0000'))).toMatchObject({
      kind: 'not_found',
      status: 404,
    });
    expect((await failure(api.deleteVisitor('NOPE0000'))).kind).toBe('not_found');
    const watch = await failure(api.createWatchUrl('NOPE0000', { agent: { id: '1', name: 'A' } }));
    expect(watch.kind).toBe('not_found');
    expect(apiRequests()).toHaveLength(3);
  });

  it('a session over the plan limits is over_plan_limits (402), never retried', async () => {
    fake.setKey('busy-key', 'over_plan_limits');
    const api = client({ apiKey: 'busy-key' });
    const error = await failure(
      api.createWatchUrl(SEED_IDS.jane, { agent: { id: '1', name: 'A' } }),
    );
    expect(error).toMatchObject({ kind: 'over_plan_limits', status: 402 });
    expect(fake.watchSessions).toHaveLength(0);
    expect(apiRequests()).toHaveLength(1);
  });

  it('malformed JSON is malformed_response', async () => {
    fake.injectFault({ malformed: true, times: 3 });
    expect((await failure(client().getUsage())).kind).toBe('malformed_response');
  });

  it('a response of the wrong shape says what was wrong', async () => {
    fake.injectFault({ status: 200, body: { status: 'ok', visitors: { short_id: 'x' } } });
    const error = await failure(client().searchVisitors('jane'));
    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('visitors');
  });
});

describe('retries', () => {
  it('retries a read through 503s and succeeds on the third attempt', async () => {
    fake.injectFault({ status: 503, times: 2 });
    expect((await client().getUsage()).visitors).toBeDefined();
    expect(apiRequests().map((r) => r.status)).toEqual([503, 503, 200]);
    expect(sleeps).toHaveLength(2);
  });

  it('gives up after three attempts', async () => {
    fake.injectFault({ status: 500, times: Infinity });
    const error = await failure(client().getVisitor(SEED_IDS.jane));
    expect(error).toMatchObject({ kind: 'server_error', status: 500, retryable: true });
    expect(apiRequests()).toHaveLength(3);
  });

  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    fake.injectFault({ status: 429, retryAfter: 2 });
    await client().searchVisitors('jane');
    expect(sleeps).toEqual([2_000]);
    expect(apiRequests().map((r) => r.status)).toEqual([429, 200]);
  });

  it('does not wait out a long Retry-After: it reports it so every call can pause', async () => {
    fake.injectFault({ status: 429, retryAfter: 3_600 });
    const error = await failure(client().getUsage());
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 3_600_000 });
    expect(apiRequests()).toHaveLength(1);
  });

  it('retries a dropped connection on reads and deletes', async () => {
    fake.injectFault({ drop: true });
    await client().deleteVisitor(SEED_IDS.tom);
    expect(apiRequests().map((r) => r.status)).toEqual([0, 200]);
  });

  it('never retries the watch URL POST, so a flaky network cannot start two sessions', async () => {
    fake.injectFault({ status: 503, match: { method: 'POST' } });
    const error = await failure(
      client().createWatchUrl(SEED_IDS.jane, { agent: { id: '1', name: 'A' } }),
    );
    expect(error.kind).toBe('server_error');
    fake.injectFault({ drop: true, match: { method: 'POST' } });
    expect(
      (await failure(client().createWatchUrl(SEED_IDS.jane, { agent: { id: '1', name: 'A' } })))
        .kind,
    ).toBe('network');
    expect(apiRequests().filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('times out a request that takes longer than the timeout, and retries it', async () => {
    fake.injectFault({ latencyMs: 1_000 });
    const started = Date.now();
    const usage = await client({ timeoutMs: 200 }).getUsage();
    expect(usage).toBeDefined();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(sleeps).toHaveLength(1);
  });

  it('reports a timeout once every attempt is too slow', async () => {
    fake.injectFault({ latencyMs: 1_000, times: Infinity });
    const error = await failure(client({ timeoutMs: 150 }).getUsage());
    expect(error).toMatchObject({ kind: 'timeout', status: null });
  });
});

describe('the path cannot be steered', () => {
  it.each(['../usage', 'a/b?x', '%2e%2e', '..', 'a#b', ' JD7K2P9Q', 'x'.repeat(65), ''])(
    'refuses short id %j before any request',
    async (shortId) => {
      const api = client();
      expect((await failure(api.getVisitor(shortId))).kind).toBe('bad_request');
      expect((await failure(api.deleteVisitor(shortId))).kind).toBe('bad_request');
      expect(
        (await failure(api.createWatchUrl(shortId, { agent: { id: '1', name: 'A' } }))).kind,
      ).toBe('bad_request');
      expect(fake.requests).toHaveLength(0);
      expect(fake.visitors.length).toBeGreaterThan(0);
    },
  );

  it('sends a search that looks like a path as a query value only', async () => {
    await client().searchVisitors('../visitors/JD7K2P9Q.json?x=1#y');
    expect(fake.requests.at(-1)?.path).toBe('/v1.1/list.json');
    expect(fake.requests.at(-1)?.query).toEqual({ search: '../visitors/JD7K2P9Q.json?x=1#y' });
  });
});
