import type { z } from 'zod';
import { errorForResponse, parseRetryAfter, UpscopeApiError } from './errors';
import { describeIssues } from './schemas';
import { isRedirect, redirectHost } from './redirect';

export type HttpMethod = 'GET' | 'DELETE' | 'POST';
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface TransportConfig {
  apiKey: string;
  /** Called as a plain function (never as a method), so a bare `window.fetch` works. */
  fetch: typeof fetch | undefined;
  timeoutMs: number;
  maxAttempts: number;
  retryAfterCapMs: number;
  sleep: Sleep;
  random: () => number;
}

export interface Transport {
  /** Sends a request whose 2xx answer must be JSON matching `schema`. */
  json<T>(method: HttpMethod, url: string, schema: z.ZodType<T>, init?: SendInit): Promise<T>;
  /** Sends a request whose 2xx answer may be empty, any JSON, or the plain text `ok`. */
  noContent(method: HttpMethod, url: string, init?: SendInit): Promise<void>;
}

export interface SendInit {
  body?: unknown;
  signal?: AbortSignal | undefined;
  /**
   * What an answer with no content (a 204, or a 2xx with an empty body) means for this call, as
   * the JSON it stands for: a list with nobody in it, say. Without it, such an answer has none
   * of the data the call needs and is reported as unexpected.
   */
  whenEmpty?: unknown;
}

const BACKOFF_BASE_MS = 300;
const BACKOFF_FACTOR = 2;
const BACKOFF_CAP_MS = 5_000;

/** Full-jitter exponential backoff before retry number `retry` (1 for the first retry). */
export function backoffDelayMs(retry: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * BACKOFF_FACTOR ** (retry - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/** A sleep that ends early (rejecting) when `signal` aborts. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

interface RawResponse {
  status: number;
  redirected: boolean;
  /** Set when the answer was a redirect: the host it names, or null when it cannot be read. */
  redirect?: { host: string | null };
  retryAfter: string | null;
  text: string;
}

/** The documented body of a DELETE that stops a session (plain text, not JSON). */
const PLAIN_OK = /^\s*ok\s*$/i;

type Json = { ok: true; value: unknown } | { ok: false; empty: boolean };

function parseJson(text: string): Json {
  if (text.trim() === '') return { ok: false, empty: true };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, empty: false };
  }
}

const CODE_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Only GET and DELETE are idempotent here; creating a watch URL twice is not. */
function mayRetry(method: HttpMethod): boolean {
  return method === 'GET' || method === 'DELETE';
}

export function createTransport(config: TransportConfig): Transport {
  const { apiKey, timeoutMs, maxAttempts, retryAfterCapMs, sleep, random } = config;

  /** The vendor's error code, if the body carries one that looks like a code and is not the key. */
  function vendorCode(json: Json, requireErrorStatus: boolean): string | null | undefined {
    if (!json.ok || typeof json.value !== 'object' || json.value === null) return undefined;
    const body = json.value as Record<string, unknown>;
    if (requireErrorStatus && body.status !== 'error') return undefined;
    const code = typeof body.error === 'string' ? body.error.trim() : '';
    return CODE_PATTERN.test(code) && !code.includes(apiKey) ? code : null;
  }

  async function fetchOnce(
    method: HttpMethod,
    url: string,
    body: string | undefined,
    callerSignal: AbortSignal | undefined,
  ): Promise<RawResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = (): void => controller.abort();
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });
    // Raced against the fetch and the body read, so a fetch that ignores its signal still stops.
    const stopped = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(new Error('stopped')), {
        once: true,
      });
    });
    const headers: Record<string, string> = { 'X-Api-Key': apiKey, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const doFetch = config.fetch ?? globalThis.fetch;
      const response = await Promise.race([
        doFetch(url, {
          method,
          headers,
          body,
          credentials: 'omit',
          // Never followed: the key would go with it to wherever it leads. Seen, and reported.
          redirect: 'manual',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
          signal: controller.signal,
        }),
        stopped,
      ]);
      if (isRedirect(response)) {
        // Its body is not read: nothing in it is ours to use.
        void response.body?.cancel().catch(() => {});
        return {
          status: response.status,
          redirected: false,
          redirect: { host: redirectHost(response.headers.get('location'), url, apiKey) },
          retryAfter: null,
          text: '',
        };
      }
      const text = await Promise.race([response.text(), stopped]);
      return {
        status: response.status,
        redirected: response.redirected,
        retryAfter: response.headers.get('retry-after'),
        text,
      };
    } catch {
      // The underlying error is dropped on purpose: its text is not ours to vouch for.
      if (callerSignal?.aborted) throw new UpscopeApiError('aborted');
      if (timedOut) {
        const seconds = Math.ceil(timeoutMs / 1000);
        throw new UpscopeApiError('timeout', {
          message: `Upscope did not answer within ${seconds} second${seconds === 1 ? '' : 's'}.`,
        });
      }
      throw new UpscopeApiError('network');
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    }
  }

  /** Turns a raw response into parsed JSON, or throws the matching error. */
  function interpret(raw: RawResponse): Json {
    const { status } = raw;
    if (raw.redirect) {
      const { host } = raw.redirect;
      throw new UpscopeApiError('redirected', {
        // An opaque redirect has status 0: there is no HTTP status to keep.
        status: status || null,
        redirectHost: host,
        ...(host === null
          ? {}
          : {
              message: `The API endpoint redirects to ${host}, so nothing was sent there. Check the API endpoint in the settings.`,
            }),
      });
    }
    const json = parseJson(raw.text);
    if (status >= 400) {
      const code = vendorCode(json, false) ?? null;
      throw errorForResponse(status, code, parseRetryAfter(raw.retryAfter));
    }
    if (status < 200 || status > 299 || raw.redirected) {
      throw new UpscopeApiError('unexpected_response', {
        status,
        message: `Upscope answered with an unexpected HTTP status (${status}).`,
      });
    }
    const code = vendorCode(json, true);
    if (code !== undefined) throw errorForResponse(status, code, null);
    return json;
  }

  async function send(
    method: HttpMethod,
    url: string,
    init: SendInit,
  ): Promise<{ status: number; json: Json; text: string }> {
    const { signal } = init;
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new UpscopeApiError('aborted');
      let failure: UpscopeApiError;
      try {
        const raw = await fetchOnce(method, url, body, signal);
        return { status: raw.status, json: interpret(raw), text: raw.text };
      } catch (error) {
        if (!(error instanceof UpscopeApiError)) throw error;
        failure = error;
      }
      if (!failure.retryable || !mayRetry(method) || attempt >= maxAttempts) throw failure;
      let delay: number;
      if (failure.retryAfterMs !== null) {
        // Waiting longer than the cap is the caller's decision (pause everything), not ours.
        if (failure.retryAfterMs > retryAfterCapMs) throw failure;
        delay = failure.retryAfterMs;
      } else {
        delay = backoffDelayMs(attempt, random);
      }
      try {
        await sleep(delay, signal);
      } catch {
        if (signal?.aborted) throw new UpscopeApiError('aborted');
        throw failure;
      }
    }
  }

  return {
    async json(method, url, schema, init = {}) {
      const { status, json } = await send(method, url, init);
      let value: unknown;
      if (json.ok) {
        value = json.value;
      } else if (!json.empty) {
        throw new UpscopeApiError('malformed_response', { status });
      } else if (init.whenEmpty !== undefined) {
        value = init.whenEmpty;
      } else {
        throw new UpscopeApiError('unexpected_response', {
          status,
          message: 'Upscope answered with no content where it should have sent data.',
        });
      }
      const result = schema.safeParse(value);
      if (!result.success) {
        throw new UpscopeApiError('unexpected_response', {
          status,
          message: `Upscope sent a response in an unexpected format: ${describeIssues(result.error)}.`,
        });
      }
      return result.data;
    },

    async noContent(method, url, init = {}) {
      const { status, json, text } = await send(method, url, init);
      if (json.ok || json.empty || PLAIN_OK.test(text)) return;
      throw new UpscopeApiError('malformed_response', { status });
    },
  };
}
