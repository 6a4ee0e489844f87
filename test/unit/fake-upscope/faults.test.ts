import { describe, expect, it } from 'vitest';
import { FakeUpscope } from '../../fake-upscope/server';
import { startFakeUpscopeServer } from '../../fake-upscope/node-server';
import { SEED_IDS } from '../../fake-upscope/seed';
import { json, useFakeServer } from './harness';

describe('fake Upscope over HTTP: faults', () => {
  const h = useFakeServer();

  it('429 with a Retry-After header and a rate_limited body', async () => {
    h.fake.injectFault({ status: 429, retryAfter: 7 });
    const res = await h.api('/list.json');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json(res)).toEqual({ status: 'error', error: 'rate_limited' });
    // Used up after one request.
    expect((await h.api('/list.json')).status).toBe(200);
  });

  it('Retry-After may be an HTTP date', async () => {
    const date = new Date(Date.now() + 5_000).toUTCString();
    h.fake.injectFault({ status: 429, retryAfter: date });
    const res = await h.api('/usage.json');
    expect(res.headers.get('retry-after')).toBe(date);
  });

  it('503 twice, then the real answer', async () => {
    h.fake.injectFault({ status: 503, times: 2 });
    const first = await h.api('/usage.json');
    expect(first.status).toBe(503);
    expect(await json(first)).toEqual({ status: 'error', error: 'service_unavailable' });
    expect((await h.api('/usage.json')).status).toBe(503);
    expect((await h.api('/usage.json')).status).toBe(200);
    expect(h.fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('a custom status and body', async () => {
    h.fake.injectFault({ status: 500, body: { status: 'error', error: 'boom' } });
    const res = await h.api('/usage.json');
    expect(res.status).toBe(500);
    expect(await json(res)).toEqual({ status: 'error', error: 'boom' });
  });

  it('malformed: 200 with a truncated JSON body', async () => {
    h.fake.injectFault({ malformed: true });
    const res = await h.api('/list.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text.startsWith('{"status":"ok"')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('a redirect with its Location, not followed by the fake itself', async () => {
    h.fake.injectFault({ redirectTo: 'https://login.example.com/sso' });
    const res = await h.api('/usage.json', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://login.example.com/sso');
    expect(await res.text()).toBe('');
    h.fake.injectFault({ redirectTo: '/v2/usage', status: 301 });
    expect((await h.api('/usage.json', { redirect: 'manual' })).status).toBe(301);
  });

  it('an HTML page with any status, as a proxy sends', async () => {
    h.fake.injectFault({ status: 401, html: '<html><body>Sign in to continue</body></html>' });
    const res = await h.api('/list.json');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Sign in to continue');
  });

  it('plain text and no content', async () => {
    h.fake.injectFault({ text: 'ok' });
    const ok = await h.api(`/visitors/${SEED_IDS.jane}.json`, { method: 'DELETE' });
    expect([ok.status, ok.headers.get('content-type'), await ok.text()]).toEqual([
      200,
      'text/plain; charset=utf-8',
      'ok',
    ]);
    h.fake.injectFault({ noContent: true });
    const empty = await h.api('/list.json');
    expect([empty.status, await empty.text()]).toEqual([204, '']);
    // Faults answer instead of the endpoint: the visitor was not deleted.
    expect(h.fake.getVisitor(SEED_IDS.jane)).toBeDefined();
  });

  it('drop: the connection closes without a response and fetch rejects', async () => {
    h.fake.injectFault({ drop: true });
    await expect(h.api('/list.json')).rejects.toThrow();
    expect(h.fake.requests.at(-1)?.status).toBe(0);
    expect((await h.api('/list.json')).status).toBe(200);
  });

  it('a dropped watch_url changes no state', async () => {
    h.fake.injectFault({ drop: true, match: { method: 'POST' } });
    await expect(
      h.api(`/visitors/${SEED_IDS.jane}/watch_url.json`, {
        method: 'POST',
        body: JSON.stringify({ agent: { id: '1', name: 'Ana' } }),
      }),
    ).rejects.toThrow();
    expect(h.fake.watchSessions).toHaveLength(0);
    expect(h.fake.getVisitor(SEED_IDS.jane)?.is_in_session).toBe(false);
  });

  it('latencyMs on a fault delays that response', async () => {
    h.fake.injectFault({ latencyMs: 150 });
    const t0 = performance.now();
    const res = await h.api('/usage.json');
    const elapsed = performance.now() - t0;
    expect(res.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(145);
    const t1 = performance.now();
    await h.api('/usage.json');
    expect(performance.now() - t1).toBeLessThan(145);
  });

  it('global latency applies to every API request, not to assets', async () => {
    h.fake.setLatency(120);
    const t0 = performance.now();
    await Promise.all([h.api('/usage.json'), h.api('/list.json')]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
    const t1 = performance.now();
    await fetch(`${h.server.origin}/fake-screens/x.png`);
    expect(performance.now() - t1).toBeLessThan(115);
  });

  it('match narrows a fault by method and path; times: Infinity keeps it', async () => {
    h.fake.injectFault({ match: { path: 'watch_url' }, status: 502, times: Infinity });
    h.fake.injectFault({
      match: { method: 'DELETE', path: /visitors\/[^/]+\.json$/ },
      status: 500,
    });
    expect((await h.api('/list.json')).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const res = await h.api(`/visitors/${SEED_IDS.jane}/watch_url.json`, {
        method: 'POST',
        body: JSON.stringify({ agent: { id: '1', name: 'Ana' } }),
      });
      expect(res.status).toBe(502);
    }
    expect((await h.api(`/visitors/${SEED_IDS.tom}.json`)).status).toBe(200);
    expect((await h.api(`/visitors/${SEED_IDS.tom}.json`, { method: 'DELETE' })).status).toBe(500);
    expect((await h.api(`/visitors/${SEED_IDS.tom}.json`, { method: 'DELETE' })).status).toBe(200);
    expect(h.fake.pendingFaults()).toHaveLength(1);
    h.fake.clearFaults();
    expect(h.fake.pendingFaults()).toHaveLength(0);
  });

  it('faults come before authentication, in the order injected', async () => {
    h.fake.injectFault({ status: 503 });
    h.fake.injectFault({ status: 429, retryAfter: 1 });
    expect((await h.api('/list.json', { key: null })).status).toBe(503);
    expect((await h.api('/list.json', { key: null })).status).toBe(429);
    expect((await h.api('/list.json', { key: null })).status).toBe(401);
  });
});

describe('fake Upscope node server: shutdown', () => {
  it('close() does not wait for a request parked in a delay or for idle keep-alive sockets', async () => {
    const fake = new FakeUpscope({ latencyMs: 10_000 });
    const server = await startFakeUpscopeServer(fake);
    fake.setLatency(0);
    expect(
      (await fetch(`${server.baseUrl}/usage.json`, { headers: { 'x-api-key': 'demo-key' } }))
        .status,
    ).toBe(200);
    fake.setLatency(10_000);
    const pending = fetch(`${server.baseUrl}/usage.json`, { headers: { 'x-api-key': 'demo-key' } });
    pending.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await server.close();
    expect(performance.now() - t0).toBeLessThan(1_000);
    await expect(pending).rejects.toThrow();
    await server.close();
  });

  it('a client may give up during a delay without upsetting the server', async () => {
    const fake = new FakeUpscope({ latencyMs: 300 });
    const server = await startFakeUpscopeServer(fake);
    try {
      const controller = new AbortController();
      const request = fetch(`${server.baseUrl}/usage.json`, {
        headers: { 'x-api-key': 'demo-key' },
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 30);
      await expect(request).rejects.toThrow();
      expect(fake.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
