import type { BrowserContext, Route } from '@playwright/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeUpscope } from '../../fake-upscope/server';
import { routeFakeUpscope } from '../../fake-upscope/playwright-route';
import { SEED_IDS } from '../../fake-upscope/seed';

type Matcher = (url: URL) => boolean;
type Handler = (route: Route) => Promise<void>;

interface Outcome {
  fulfilled?: { status?: number; headers?: Record<string, string>; body?: string | Buffer };
  aborted?: string;
}

/**
 * A stand-in for BrowserContext.route that dispatches like Playwright does:
 * the most recently registered matching handler wins.
 */
function stubContext(): {
  context: BrowserContext;
  request(
    method: string,
    url: string,
    init?: { headers?: Record<string, string>; body?: string },
  ): Promise<Outcome | undefined>;
} {
  const routes: { matcher: Matcher; handler: Handler }[] = [];
  const context = {
    route: async (matcher: Matcher, handler: Handler) => {
      routes.push({ matcher, handler });
    },
  } as unknown as BrowserContext;

  return {
    context,
    async request(method, url, init = {}) {
      const hit = [...routes].reverse().find((r) => r.matcher(new URL(url)));
      if (!hit) return undefined;
      const outcome: Outcome = {};
      const route = {
        request: () => ({
          method: () => method,
          url: () => url,
          allHeaders: async () => ({ ':authority': new URL(url).host, ...(init.headers ?? {}) }),
          postData: () => init.body ?? null,
        }),
        fulfill: async (r: Outcome['fulfilled']) => {
          outcome.fulfilled = r;
        },
        abort: async (code: string) => {
          outcome.aborted = code;
        },
      } as unknown as Route;
      await hit.handler(route);
      return outcome;
    },
  };
}

describe('routeFakeUpscope', () => {
  let fake: FakeUpscope;
  let stub: ReturnType<typeof stubContext>;

  beforeEach(async () => {
    fake = new FakeUpscope();
    stub = stubContext();
    await routeFakeUpscope(stub.context, fake);
  });

  it('answers the API origin from the fake, with CORS headers', async () => {
    const out = await stub.request(
      'GET',
      `https://api.upscope.io/v1.1/visitors/${SEED_IDS.jane}.json`,
      {
        headers: { 'X-Api-Key': 'demo-key' },
      },
    );
    expect(out?.fulfilled?.status).toBe(200);
    expect(out?.fulfilled?.headers?.['access-control-allow-origin']).toBe('*');
    const body = JSON.parse(String(out?.fulfilled?.body)) as { visitor: { short_id: string } };
    expect(body.visitor.short_id).toBe(SEED_IDS.jane);
    expect(fake.requests[0]?.headers).toEqual({ 'x-api-key': 'demo-key' });
  });

  it('passes the POST body through and answers a preflight', async () => {
    const pre = await stub.request(
      'OPTIONS',
      `https://api.upscope.io/v1.1/visitors/${SEED_IDS.jane}/watch_url.json`,
    );
    expect(pre?.fulfilled?.status).toBe(204);
    expect(pre?.fulfilled?.headers?.['access-control-allow-headers']).toContain('x-api-key');
    const out = await stub.request(
      'POST',
      `https://api.upscope.io/v1.1/visitors/${SEED_IDS.jane}/watch_url.json`,
      {
        headers: { 'x-api-key': 'demo-key', 'content-type': 'application/json' },
        body: JSON.stringify({ agent: { id: '1', name: 'Ana' } }),
      },
    );
    expect(out?.fulfilled?.status).toBe(200);
    expect(fake.watchSessions[0]?.body).toEqual({ agent: { id: '1', name: 'Ana' } });
  });

  it('serves screenshots and watch pages, and leaves other hosts alone', async () => {
    const png = await stub.request(
      'GET',
      'https://cdn.upscope.io/fake-screens/maria-home-small.png',
    );
    expect(png?.fulfilled?.headers?.['content-type']).toBe('image/png');
    expect(Buffer.isBuffer(png?.fulfilled?.body)).toBe(true);

    const out = await stub.request(
      'POST',
      `https://api.upscope.io/v1.1/visitors/${SEED_IDS.maria}/watch_url.json`,
      {
        headers: { 'x-api-key': 'demo-key' },
        body: JSON.stringify({ agent: { id: '1', name: 'Ana' } }),
      },
    );
    const { watch_url } = JSON.parse(String(out?.fulfilled?.body)) as { watch_url: string };
    const page = await stub.request('GET', watch_url);
    expect(page?.fulfilled?.status).toBe(200);
    expect(String(page?.fulfilled?.body)).toContain('Maria Garcia');

    expect(await stub.request('GET', 'https://acme.zendesk.com/agent/tickets/1')).toBeUndefined();
  });

  it('a drop fault aborts the route with connectionreset', async () => {
    fake.injectFault({ drop: true });
    const out = await stub.request('GET', 'https://api.upscope.io/v1.1/list.json', {
      headers: { 'x-api-key': 'demo-key' },
    });
    expect(out?.aborted).toBe('connectionreset');
    expect(out?.fulfilled).toBeUndefined();
  });

  it('waits out the latency before fulfilling', async () => {
    fake.setLatency(80);
    const t0 = performance.now();
    await stub.request('GET', 'https://api.upscope.io/v1.1/usage.json', {
      headers: { 'x-api-key': 'demo-key' },
    });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
  });
});
