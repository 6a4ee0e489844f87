import { UpscopeApiError } from './errors';
import { isValidShortId, ShortIdSchema } from './short-id';

export { isValidShortId, SHORT_ID_PATTERN } from './short-id';

const INVALID_SHORT_ID =
  "That visitor id is not valid: it must be 1 to 64 letters, digits, '-' or '_'.";

/**
 * A visitor id as it goes into a path: the same rule (ShortIdSchema) that decides which visitors
 * a list returns, so every visitor shown can be opened and started.
 */
export function visitorSegment(shortId: unknown): string {
  const result = ShortIdSchema.safeParse(shortId);
  if (!result.success) throw new UpscopeApiError('bad_request', { message: INVALID_SHORT_ID });
  return result.data;
}

export interface BaseUrl {
  /** e.g. `https://api.upscope.io` */
  readonly origin: string;
  /** Path without a trailing slash, e.g. `/v1.1` (empty for a bare origin). */
  readonly path: string;
  readonly protocol: 'http:' | 'https:';
  /** `origin + path`, the normalised form of what the caller passed. */
  readonly href: string;
}

/**
 * Checks and normalises the configured base URL. Throws a plain Error: a bad base URL is a
 * configuration mistake, not something the vendor did.
 */
export function parseBaseUrl(raw: string): BaseUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('The Upscope base URL must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('The Upscope base URL must use https (or http for local testing).');
  }
  if (url.username || url.password) {
    throw new Error('The Upscope base URL must not contain credentials.');
  }
  // Checked on the raw text too: `https://x/?` and `https://x/#` parse with empty search/hash.
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
    throw new Error('The Upscope base URL must not have a query string or fragment.');
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin, path, protocol: url.protocol, href: url.origin + path };
}

export interface EndpointOptions {
  /** Append `.json` to the last segment (v1.1 style). Later API versions drop it. */
  jsonSuffix: boolean;
  query?: Readonly<Record<string, string>>;
}

/**
 * The only place a request URL is built. Every segment, constant or visitor id, must match
 * SHORT_ID_PATTERN and is percent-encoded with encodeURIComponent; the result must stay under the
 * base URL, because the API key goes with it.
 */
export function buildEndpointUrl(
  base: BaseUrl,
  segments: readonly string[],
  options: EndpointOptions,
): string {
  if (segments.length === 0 || !segments.every(isValidShortId)) {
    throw new UpscopeApiError('bad_request', { message: INVALID_SHORT_ID });
  }
  const path = segments.map(encodeURIComponent).join('/') + (options.jsonSuffix ? '.json' : '');
  const url = new URL(`${base.href}/${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    url.searchParams.set(key, value);
  }
  assertUnderBase(base, url);
  return url.href;
}

/** Defence in depth for buildEndpointUrl: the key must never leave the configured API. */
export function assertUnderBase(base: BaseUrl, url: URL): void {
  if (url.origin !== base.origin || !url.pathname.startsWith(`${base.path}/`)) {
    throw new UpscopeApiError('bad_request', {
      message: 'Refusing to send a request outside the configured Upscope API.',
    });
  }
}
