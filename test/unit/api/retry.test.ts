import { describe, expect, it, vi } from 'vitest';
import { createUpscopeClient } from '../../../src/api';
import { backoffDelayMs, defaultSleep } from '../../../src/api/request';
import {
  fakeFetch,
  hangingFetch,
  json,
  makeClient,
  raw,
  rejectionOf,
  TEST_KEY,
} from './fake-fetch';
import { USAGE_JSON, WATCH_URL_JSON } from './seed-examples';

const usage = json(200, USAGE_JSON);
const agent = { id: '1', name: 'Joe' };

describe('retries', () => {
  it('retries 503 twice and then succeeds, backing off with jitter', async () => {
    const { fetch, calls } = fakeFetch(raw(503, null), raw(503, null), usage);
    const { client, sleep } = makeClient(fetch);
    await expect(client.getUsage()).resolves.toMatchObject({ agents: { today: 5 } });
    expect(calls).toHaveLength(3);
    // random() = 0.5: half of 300 ms, then half of 600 ms.
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([150, 300]);
  });

  it('gives up after maxAttempts and reports the last failure', async () => {
    const { fetch, calls } = fakeFetch(raw(500, null), raw(502, null), raw(504, null), usage);
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.getUsage())).toMatchObject({
      kind: 'server_error',
      status: 504,
      retryable: true,
    });
    expect(calls).toHaveLength(3);
  });

  it('honours maxAttempts: 1', async () => {
    const { fetch, calls } = fakeFetch(raw(503, null), usage);
    const { client } = makeClient(fetch, { maxAttempts: 1 });
    await rejectionOf(client.getUsage());
    expect(calls).toHaveLength(1);
  });

  it.each([408, 429, 500, 503])('retries a GET after %d', async (status) => {
    const { fetch, calls } = fakeFetch(raw(status, null), usage);
    const { client } = makeClient(fetch);
    await client.getUsage();
    expect(calls).toHaveLength(2);
  });

  it('retries network failures', async () => {
    const { fetch, calls } = fakeFetch(new TypeError('fetch failed'), usage);
    const { client } = makeClient(fetch);
    await client.getUsage();
    expect(calls).toHaveLength(2);
  });

  it('reports a network failure after the last attempt', async () => {
    const { fetch, calls } = fakeFetch(new TypeError('fetch failed'));
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.getUsage())).toMatchObject({ kind: 'network', status: null });
    expect(calls).toHaveLength(3);
  });

  it('retries a DELETE', async () => {
    const { fetch, calls } = fakeFetch(raw(503, null), raw(204, null));
    const { client } = makeClient(fetch);
    await client.deleteVisitor('a');
    expect(calls).toHaveLength(2);
  });

  it.each([400, 401, 402, 403, 404, 422])('never retries %d', async (status) => {
    const { fetch, calls } = fakeFetch(raw(status, null), usage);
    const { client, sleep } = makeClient(fetch);
    await rejectionOf(client.getUsage());
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('never retries bad JSON or an unexpected shape', async () => {
    const { fetch, calls } = fakeFetch(raw(200, 'nope'), json(200, { usage: 1 }), usage);
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.getUsage())).toMatchObject({ kind: 'malformed_response' });
    expect(await rejectionOf(client.getUsage())).toMatchObject({ kind: 'unexpected_response' });
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['503', raw(503, null)],
    ['a network failure', new TypeError('fetch failed')],
    ['429', raw(429, null, { 'retry-after': '1' })],
  ])('never retries the watch URL POST after %s', async (_label, step) => {
    const { fetch, calls } = fakeFetch(step, json(200, WATCH_URL_JSON));
    const { client, sleep } = makeClient(fetch);
    await rejectionOf(client.createWatchUrl('a', { agent }));
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('Retry-After', () => {
  it('waits as long as a 429 asks', async () => {
    const { fetch, calls } = fakeFetch(raw(429, null, { 'retry-after': '2' }), usage);
    const { client, sleep } = makeClient(fetch);
    await client.getUsage();
    expect(calls).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep.mock.calls[0]?.[0]).toBe(2000);
  });

  it('gives up at once when the wait is over the cap, saying how long to pause', async () => {
    const { fetch, calls } = fakeFetch(raw(429, null, { 'retry-after': '3600' }), usage);
    const { client, sleep } = makeClient(fetch);
    expect(await rejectionOf(client.getUsage())).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      retryAfterMs: 3_600_000,
    });
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('uses the configured cap', async () => {
    const { fetch, calls } = fakeFetch(raw(429, null, { 'retry-after': '5' }), usage);
    const { client } = makeClient(fetch, { retryAfterCapMs: 4000 });
    expect(await rejectionOf(client.getUsage())).toMatchObject({ retryAfterMs: 5000 });
    expect(calls).toHaveLength(1);
  });

  it('reads an HTTP date', async () => {
    const at = new Date(Date.now() + 20_000).toUTCString();
    const { fetch } = fakeFetch(raw(429, null, { 'retry-after': at }), usage);
    const { client, sleep } = makeClient(fetch);
    await client.getUsage();
    const waited = sleep.mock.calls[0]?.[0] ?? -1;
    expect(waited).toBeGreaterThan(18_000);
    expect(waited).toBeLessThanOrEqual(20_000);
  });

  it('falls back to backoff without Retry-After, and keeps the last wait on the error', async () => {
    const { fetch } = fakeFetch(
      raw(429, null),
      raw(429, null, { 'retry-after': '1' }),
      raw(429, null, { 'retry-after': '7' }),
    );
    const { client, sleep } = makeClient(fetch);
    expect(await rejectionOf(client.getUsage())).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 7000,
    });
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([150, 1000]);
  });
});

describe('backoffDelayMs', () => {
  it('grows by 2 from 300 ms and is capped at 5 s', () => {
    const top = (retry: number) => backoffDelayMs(retry, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6].map(top)).toEqual([299, 599, 1199, 2399, 4799, 4999]);
    expect(top(30)).toBe(4999);
    expect(backoffDelayMs(3, () => 0)).toBe(0);
  });
});

describe('timeouts and cancellation', () => {
  it('times out a request that never answers, once per attempt', async () => {
    const { fetch, calls } = hangingFetch();
    const { client } = makeClient(fetch, { timeoutMs: 20, maxAttempts: 2 });
    expect(await rejectionOf(client.getUsage())).toMatchObject({
      kind: 'timeout',
      status: null,
      retryable: true,
    });
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.init.signal?.aborted)).toBe(true);
  });

  it('times out even when fetch ignores its signal', async () => {
    const fetch = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
    const { client } = makeClient(fetch, { timeoutMs: 20, maxAttempts: 1 });
    expect(await rejectionOf(client.getUsage())).toMatchObject({ kind: 'timeout' });
  });

  it('times out a body that never finishes', async () => {
    const { fetch } = fakeFetch(() => new Response(new ReadableStream({ start() {} })));
    const { client } = makeClient(fetch, { timeoutMs: 20, maxAttempts: 1 });
    expect(await rejectionOf(client.getUsage())).toMatchObject({ kind: 'timeout' });
  });

  it('defaults to a 20 s timeout', async () => {
    vi.useFakeTimers();
    try {
      const { fetch } = hangingFetch();
      const { client } = makeClient(fetch, { maxAttempts: 1 });
      const result = rejectionOf(client.getUsage());
      await vi.advanceTimersByTimeAsync(19_999);
      let settled = false;
      void result.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await result).toMatchObject({ kind: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    const { fetch, calls } = hangingFetch();
    const { client } = makeClient(fetch);
    const controller = new AbortController();
    const result = rejectionOf(client.getUsage({ signal: controller.signal }));
    await Promise.resolve();
    controller.abort();
    expect(await result).toMatchObject({ kind: 'aborted', retryable: false });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { fetch, calls } = fakeFetch(usage);
    const { client } = makeClient(fetch);
    const error = await rejectionOf(client.getUsage({ signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ kind: 'aborted' });
    expect(calls).toHaveLength(0);
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    const { fetch, calls } = fakeFetch(raw(503, null), usage);
    const controller = new AbortController();
    const client = createUpscopeClient({
      apiKey: TEST_KEY,
      fetch,
      random: () => 0.5,
      sleep: (ms, signal) => {
        const waiting = defaultSleep(ms * 1000, signal);
        controller.abort();
        return waiting;
      },
    });
    const error = await rejectionOf(client.getUsage({ signal: controller.signal }));
    expect(error).toMatchObject({ kind: 'aborted' });
    expect(calls).toHaveLength(1);
  });
});
