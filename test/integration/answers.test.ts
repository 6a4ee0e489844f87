import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUpscopeClient, type UpscopeApiError, type UpscopeClient } from '../../src/api';
import {
  DEMO_API_KEY,
  FakeUpscope,
  SEED_IDS,
  startFakeUpscopeServer,
  type FakeUpscopeServer,
} from '../fake-upscope';

// The real client against the fake Upscope server over real HTTP, with the fake answering what a
// real server, or something in front of it, may send instead of the documented JSON: a redirect,
// a proxy's HTML page on a 401, a 403, a 200 whose body says it failed, no content, plain `ok`.

let fake: FakeUpscope;
let server: FakeUpscopeServer;
let api: UpscopeClient;
const sleeps: number[] = [];

/** Another origin a redirect may point at; it records every request that reaches it. */
let elsewhere: Server;
let elsewhereOrigin = '';
const reachedElsewhere: { url: string; headers: IncomingHttpHeaders }[] = [];

async function failure(promise: Promise<unknown>): Promise<UpscopeApiError> {
  try {
    await promise;
  } catch (error) {
    return error as UpscopeApiError;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  fake = new FakeUpscope();
  server = await startFakeUpscopeServer(fake);
  api = createUpscopeClient({
    baseUrl: server.baseUrl,
    apiKey: DEMO_API_KEY,
    timeoutMs: 2_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  elsewhere = createServer((req, res) => {
    reachedElsewhere.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', visitors: [], usage: {} }));
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereOrigin = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
beforeEach(() => {
  fake.reset();
  sleeps.length = 0;
  reachedElsewhere.length = 0;
});
afterAll(async () => {
  await server.close();
  elsewhere.closeAllConnections();
  await new Promise((resolve) => elsewhere.close(resolve));
});

describe('a redirect', () => {
  it.each([301, 302, 307, 308])(
    'a %d is reported with its host, asked once, and the key never reaches where it leads',
    async (status) => {
      fake.injectFault({ status, redirectTo: `${elsewhereOrigin}/v1.1/usage.json`, times: 5 });
      const error = await failure(api.getUsage());
      expect(error).toMatchObject({ kind: 'redirected', status, retryable: false });
      expect(error.redirectHost).toBe(new URL(elsewhereOrigin).host);
      expect(error.message).toContain(`redirects to ${new URL(elsewhereOrigin).host}`);
      expect(fake.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
      // Not followed at all: the other origin saw no request, so no key.
      expect(reachedElsewhere).toEqual([]);
    },
  );

  it('a redirect on the watch URL POST starts nothing and sends the body nowhere else', async () => {
    fake.injectFault({ status: 307, redirectTo: `${elsewhereOrigin}/steal` });
    const error = await failure(
      api.createWatchUrl(SEED_IDS.jane, { agent: { id: 'a-1', name: 'Joe Agent' } }),
    );
    expect(error.kind).toBe('redirected');
    expect(reachedElsewhere).toEqual([]);
    expect(fake.watchSessions).toEqual([]);
  });
});

describe('refusals that do not explain themselves', () => {
  it('a 401 with a proxy’s HTML page is an unexplained refusal, not a bad key', async () => {
    fake.injectFault({ status: 401, html: '<html><body><h1>Sign in</h1></body></html>' });
    const error = await failure(api.searchVisitors('jane.doe@example.com'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: null });
    expect(error.message).not.toMatch(/HTTP|401|<|Sign in/);
    expect(fake.requests).toHaveLength(1);
    // The next call simply goes through.
    expect(await api.searchVisitors('jane.doe@example.com')).toHaveLength(1);
  });

  it('a 403 has its own kind and is not retried', async () => {
    fake.injectFault({ status: 403, times: 3 });
    const error = await failure(api.getUsage());
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, retryable: false });
    expect(fake.requests).toHaveLength(1);
  });

  it('a 200 whose body says the request failed has its own kind', async () => {
    fake.injectFault({ status: 200, body: { status: 'error', error: 'something_new' } });
    const error = await failure(api.getVisitor(SEED_IDS.jane));
    expect(error).toMatchObject({ kind: 'error_answer', status: 200, code: 'something_new' });
  });

  it('a 200 whose body names a documented key error is that key error', async () => {
    fake.injectFault({ status: 200, body: { status: 'error', error: 'api_not_enabled' } });
    expect(await failure(api.getUsage())).toMatchObject({ kind: 'api_not_enabled' });
  });
});

describe('answers without JSON', () => {
  it('a 204 on a search is nobody found, not an unreadable answer', async () => {
    fake.injectFault({ noContent: true });
    expect(await api.searchVisitors('jane.doe@example.com')).toEqual([]);
    expect(fake.requests.at(-1)?.status).toBe(204);
  });

  it('a 204 where usage was asked for says the answer was empty', async () => {
    fake.injectFault({ noContent: true });
    const error = await failure(api.getUsage());
    expect(error).toMatchObject({ kind: 'unexpected_response', status: 204 });
  });

  it('a DELETE answered with plain-text ok succeeds', async () => {
    fake.injectFault({ match: { method: 'DELETE' }, text: 'ok', times: 2 });
    await expect(api.deleteVisitor(SEED_IDS.jane)).resolves.toBeUndefined();
    await expect(api.deleteOfflineVisitors()).resolves.toBeUndefined();
    expect(fake.requests.map((r) => [r.method, r.status])).toEqual([
      ['DELETE', 200],
      ['DELETE', 200],
    ]);
  });
});
