import { DEFAULT_API_BASE_URL } from '../shared/endpoint';
import { buildEndpointUrl, parseBaseUrl, visitorSegment } from './endpoints';
import { isUpscopeApiError, UpscopeApiError } from './errors';
import { createTransport, defaultSleep } from './request';
import type { Sleep } from './request';
import { UsageResponseSchema, VisitorListResponseSchema, VisitorResponseSchema } from './schemas';
import type { UnreadableVisitors, Usage, Visitor } from './schemas';
import { buildWatchUrlBody, watchUrlResponseSchema } from './watch-url';
import type { WatchUrlRequest } from './watch-url';

export interface UpscopeClientOptions {
  /** Default `https://api.upscope.io/v1.1`. A trailing slash is fine. */
  baseUrl?: string;
  apiKey: string;
  /** Default `globalThis.fetch`, looked up at call time. */
  fetch?: typeof fetch;
  /** Per attempt, body included. Default 20 000, at most 25 000 (a service worker is stopped at 30 s). */
  timeoutMs?: number;
  /** Attempts per call for GET and DELETE, 1 to 5. Default 3. POST is always sent once. */
  maxAttempts?: number;
  /** Longest Retry-After we wait for; above it the call fails at once with `retryAfterMs`. Default 30 000. */
  retryAfterCapMs?: number;
  /** Append `.json` to paths, as v1.1 requires. Default true. */
  jsonSuffix?: boolean;
  sleep?: Sleep;
  /** Source of backoff jitter, in [0, 1). Default Math.random. */
  random?: () => number;
  /**
   * Told when a list left out visitors it could not read (how many, and the paths of the fields
   * that failed; never their values). Default: a console warning with the same.
   */
  onUnreadable?: (report: UnreadableVisitors) => void;
}

export interface RequestOptions {
  /** Aborting rejects the call with kind 'aborted' and stops any retry. */
  signal?: AbortSignal;
}

export interface GetVisitorOptions extends RequestOptions {
  /** Also return `visitor.history` (pageviews with events and screenshots). */
  withHistory?: boolean;
}

export interface UpscopeClient {
  /** The normalised base URL: every request goes under it, and nowhere else. */
  readonly baseUrl: string;
  getUsage(options?: RequestOptions): Promise<Usage>;
  /** Lists visitors, or searches them when `query` is not blank (same syntax as the Upscope app). */
  searchVisitors(query: string, options?: RequestOptions): Promise<Visitor[]>;
  getVisitor(shortId: string, options?: GetVisitorOptions): Promise<Visitor>;
  deleteVisitor(shortId: string, options?: RequestOptions): Promise<void>;
  /**
   * Stops the visitor's active session. Upscope answers the same when none is active, so a
   * session that already ended is not an error; an unknown visitor is 'not_found'.
   */
  endSession(shortId: string, options?: RequestOptions): Promise<void>;
  /** Starts deleting every offline visitor; Upscope finishes the job in the background. */
  deleteOfflineVisitors(options?: RequestOptions): Promise<void>;
  /** Returns a link that starts screen sharing with the visitor without further login. */
  createWatchUrl(
    shortId: string,
    request: WatchUrlRequest,
    options?: RequestOptions,
  ): Promise<string>;
}

export const MAX_SEARCH_LENGTH = 256;
export const MAX_TIMEOUT_MS = 25_000;

const DEFAULTS = {
  timeoutMs: 20_000,
  maxAttempts: 3,
  retryAfterCapMs: 30_000,
};

/** Visible ASCII only: anything else cannot go in a header, and fetch would echo it in its error. */
const API_KEY_PATTERN = /^[\x21-\x7e]+$/;

function checkNumber(
  name: string,
  value: number,
  min: number,
  max: number,
  integer = false,
): number {
  if (
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new RangeError(
      `${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}.`,
    );
  }
  return value;
}

/** Says how many visitors a list left out, and where they failed; never what they contained. */
export function warnUnreadable(report: UnreadableVisitors): void {
  const what = report.count === 1 ? '1 visitor' : `${report.count} visitors`;
  console.warn(
    `Upscope sent ${what} that could not be read; left out of the list (${report.paths.join(', ')}).`,
  );
}

/** usage and list always exist: a 404 there means the configured API address is wrong. */
async function endpointMustExist<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (isUpscopeApiError(error) && error.kind === 'not_found') {
      throw new UpscopeApiError('endpoint_not_found', { status: error.status, code: error.code });
    }
    throw error;
  }
}

/**
 * Throws a plain Error for a bad baseUrl or number option, and an UpscopeApiError
 * ('invalid_api_key') for a key that is empty or cannot be sent.
 */
export function createUpscopeClient(options: UpscopeClientOptions): UpscopeClient {
  const base = parseBaseUrl(options.baseUrl ?? DEFAULT_API_BASE_URL);
  if (typeof options.apiKey !== 'string' || !API_KEY_PATTERN.test(options.apiKey)) {
    throw new UpscopeApiError('invalid_api_key', {
      message: 'The API key is empty or contains spaces or characters that are not allowed.',
    });
  }
  const transport = createTransport({
    apiKey: options.apiKey,
    fetch: options.fetch,
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs ?? DEFAULTS.timeoutMs, 1, MAX_TIMEOUT_MS),
    maxAttempts: checkNumber(
      'maxAttempts',
      options.maxAttempts ?? DEFAULTS.maxAttempts,
      1,
      5,
      true,
    ),
    retryAfterCapMs: checkNumber(
      'retryAfterCapMs',
      options.retryAfterCapMs ?? DEFAULTS.retryAfterCapMs,
      0,
      Number.MAX_SAFE_INTEGER,
    ),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
  });
  const jsonSuffix = options.jsonSuffix ?? true;
  const onUnreadable = options.onUnreadable ?? warnUnreadable;
  const url = (segments: readonly string[], query?: Record<string, string>): string =>
    buildEndpointUrl(base, segments, { jsonSuffix, query });

  return {
    baseUrl: base.href,

    async getUsage(opts = {}) {
      const body = await endpointMustExist(
        transport.json('GET', url(['usage']), UsageResponseSchema, { signal: opts.signal }),
      );
      return body.usage;
    },

    async searchVisitors(query, opts = {}) {
      const search = typeof query === 'string' ? query.trim() : '';
      if (search.length > MAX_SEARCH_LENGTH) {
        throw new UpscopeApiError('bad_request', {
          message: `The search is too long (at most ${MAX_SEARCH_LENGTH} characters).`,
        });
      }
      const target = url(['list'], search ? { search } : undefined);
      const body = await endpointMustExist(
        // No content is a list with nobody in it.
        transport.json('GET', target, VisitorListResponseSchema, {
          signal: opts.signal,
          whenEmpty: { visitors: [] },
        }),
      );
      if (body.unreadable.count > 0) {
        try {
          onUnreadable(body.unreadable);
        } catch {
          // Reporting what was left out must not cost the agent the visitors that were read.
        }
      }
      return body.visitors;
    },

    async getVisitor(shortId, opts = {}) {
      const target = url(
        ['visitors', visitorSegment(shortId)],
        opts.withHistory ? { with_history: 'true' } : undefined,
      );
      const body = await transport.json('GET', target, VisitorResponseSchema, {
        signal: opts.signal,
      });
      return body.visitor;
    },

    async deleteVisitor(shortId, opts = {}) {
      await transport.noContent('DELETE', url(['visitors', visitorSegment(shortId)]), {
        signal: opts.signal,
      });
    },

    async endSession(shortId, opts = {}) {
      // No `.json` here: the documented path is `/visitors/:id/session`, and it answers plain text.
      const target = buildEndpointUrl(base, ['visitors', visitorSegment(shortId), 'session'], {
        jsonSuffix: false,
      });
      await transport.noContent('DELETE', target, { signal: opts.signal });
    },

    async deleteOfflineVisitors(opts = {}) {
      await transport.noContent('DELETE', url(['visitors'], { all: 'true' }), {
        signal: opts.signal,
      });
    },

    async createWatchUrl(shortId, request, opts = {}) {
      const target = url(['visitors', visitorSegment(shortId), 'watch_url']);
      const body = buildWatchUrlBody(request);
      const schema = watchUrlResponseSchema(base.protocol === 'http:');
      const result = await transport.json('POST', target, schema, { body, signal: opts.signal });
      return result.watch_url;
    },
  };
}
