import { vi } from 'vitest';
import { createUpscopeClient } from '../../../src/api';
import type { UpscopeClientOptions } from '../../../src/api';

export interface RecordedCall {
  url: string;
  init: RequestInit;
  /** `this` inside the fetch call, to check fetch is called unbound. */
  thisArg: unknown;
}

/** One answer per call: a Response factory, or an error to throw (like a network failure). */
export type Step = (() => Response | Promise<Response>) | Error;

/** A fetch that answers with `steps` in order (repeating the last one) and records every call. */
export function fakeFetch(...steps: Step[]) {
  const calls: RecordedCall[] = [];
  const fetch = async function (
    this: unknown,
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> {
    calls.push({ url: String(input), init: init ?? {}, thisArg: this });
    const step = steps[Math.min(calls.length, steps.length) - 1];
    if (step === undefined) throw new Error('fakeFetch: no steps given');
    if (step instanceof Error) throw step;
    return step();
  } as typeof globalThis.fetch;
  return { fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Step {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return () =>
    new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function raw(
  status: number,
  body: string | null,
  headers: Record<string, string> = {},
): Step {
  return () => new Response(body, { status, headers });
}

/** A fetch that only settles when its signal aborts, like a server that never answers. */
export function hangingFetch() {
  const calls: RecordedCall[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {}, thisArg: undefined });
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('The operation was aborted.', 'AbortError')),
      );
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export const TEST_KEY = 'test-key-0123456789';

/** A client wired to `fetch` with an instant, recording sleep and a fixed jitter of 0.5. */
export function makeClient(
  fetch: typeof globalThis.fetch,
  overrides: Partial<UpscopeClientOptions> = {},
) {
  const sleep = vi.fn(async (_ms: number, _signal?: AbortSignal) => {});
  const client = createUpscopeClient({
    apiKey: TEST_KEY,
    fetch,
    sleep,
    random: () => 0.5,
    ...overrides,
  });
  return { client, sleep };
}

/** Runs `promise`, expecting it to reject, and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
