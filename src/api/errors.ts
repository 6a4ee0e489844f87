export const UPSCOPE_ERROR_KINDS = [
  'invalid_api_key',
  'subscription_expired',
  'no_subscription',
  'api_not_enabled',
  'access_restricted',
  'unauthorized',
  'over_plan_limits',
  'not_found',
  'endpoint_not_found',
  'rate_limited',
  'bad_request',
  'server_error',
  'timeout',
  'network',
  'malformed_response',
  'unexpected_response',
  'aborted',
] as const;

export type UpscopeErrorKind = (typeof UPSCOPE_ERROR_KINDS)[number];

/** Kinds meaning "this key cannot be used until someone changes it or the plan". */
const AUTH_KINDS: ReadonlySet<UpscopeErrorKind> = new Set<UpscopeErrorKind>([
  'invalid_api_key',
  'subscription_expired',
  'no_subscription',
  'api_not_enabled',
  'access_restricted',
  'unauthorized',
]);

/** Kinds where repeating the same request later may succeed. */
const RETRYABLE_KINDS: ReadonlySet<UpscopeErrorKind> = new Set<UpscopeErrorKind>([
  'rate_limited',
  'server_error',
  'timeout',
  'network',
]);

const DEFAULT_MESSAGES: Record<UpscopeErrorKind, string> = {
  invalid_api_key: 'Upscope did not accept the API key. Check the key in the extension settings.',
  subscription_expired: "The Upscope team's subscription has expired.",
  no_subscription: 'The Upscope team has no active subscription.',
  api_not_enabled: "The Upscope team's plan does not include REST API access.",
  access_restricted: 'Upscope has restricted API access for this team. Please contact Upscope.',
  unauthorized: 'Upscope refused the request as unauthorized.',
  over_plan_limits: "Starting this screen share would go over the Upscope plan's limits.",
  not_found: 'Upscope could not find that visitor. They may have been deleted.',
  endpoint_not_found:
    'The API endpoint does not exist at this address. Check the API endpoint in the extension settings.',
  rate_limited: 'Too many requests to Upscope. Please wait and try again.',
  bad_request: 'Upscope rejected the request as invalid.',
  server_error: 'Upscope is having problems right now. Please try again shortly.',
  timeout: 'Upscope did not answer in time.',
  network: 'Could not reach Upscope. Check the network connection.',
  malformed_response: 'Upscope sent a response that is not valid JSON.',
  unexpected_response: 'Upscope sent a response in an unexpected format.',
  aborted: 'The request to Upscope was cancelled.',
};

export interface UpscopeApiErrorInit {
  /** Replaces the default sentence for the kind. Must never contain secrets. */
  message?: string;
  status?: number | null;
  code?: string | null;
  retryAfterMs?: number | null;
}

export class UpscopeApiError extends Error {
  static {
    // On the prototype (not an instance field) so V8 uses it in the stack header too.
    this.prototype.name = 'UpscopeApiError';
  }

  readonly kind: UpscopeErrorKind;
  /** HTTP status of the response, or null when there was none (network, timeout, input checks). */
  readonly status: number | null;
  /** The vendor's `error` code from the body, when there was one. */
  readonly code: string | null;
  /** How long the server asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | null;
  /** True when the same request may succeed later without any change. */
  readonly retryable: boolean;

  constructor(kind: UpscopeErrorKind, init: UpscopeApiErrorInit = {}) {
    super(init.message ?? DEFAULT_MESSAGES[kind]);
    this.kind = kind;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.retryable = RETRYABLE_KINDS.has(kind);
  }

  /** A plain record that is safe to store or send to another extension context. */
  toJSON(): {
    name: string;
    kind: UpscopeErrorKind;
    message: string;
    status: number | null;
    code: string | null;
    retryAfterMs: number | null;
    retryable: boolean;
  } {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      retryAfterMs: this.retryAfterMs,
      retryable: this.retryable,
    };
  }
}

export function isUpscopeApiError(value: unknown): value is UpscopeApiError {
  return value instanceof UpscopeApiError;
}

/** True for errors that mean the key (or the team's plan) must change before any call can work. */
export function isAuthErrorKind(kind: string): boolean {
  return AUTH_KINDS.has(kind as UpscopeErrorKind);
}

const AUTH_CODES: Readonly<Record<string, UpscopeErrorKind>> = {
  invalid_api_key: 'invalid_api_key',
  subscription_expired: 'subscription_expired',
  no_subscription: 'no_subscription',
  api_not_enabled: 'api_not_enabled',
  please_contact_team: 'access_restricted',
};

/**
 * Maps an HTTP status and the vendor's error code to a kind. `status` is the HTTP status even
 * for a 2xx whose body says `{status: "error"}`.
 */
export function kindForResponse(status: number, code: string | null): UpscopeErrorKind {
  // The status wins where it is unambiguous: a 404 may come with an HTML body or none at all.
  if (status === 404) return 'not_found';
  if (status === 402) return 'over_plan_limits';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server_error';
  const byCode = code === null ? undefined : AUTH_CODES[code];
  if (byCode) return byCode;
  if (status === 401) return 'unauthorized';
  return 'bad_request';
}

/** Builds the error for a refused response, with a sentence that mentions the status. */
export function errorForResponse(
  status: number,
  code: string | null,
  retryAfterMs: number | null,
): UpscopeApiError {
  const kind = kindForResponse(status, code);
  let message: string | undefined;
  if (kind === 'rate_limited' && retryAfterMs !== null) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    message = `Too many requests to Upscope. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  } else if (kind === 'server_error') {
    message = `Upscope is having problems right now (HTTP ${status}). Please try again shortly.`;
  } else if (kind === 'bad_request' || kind === 'unauthorized') {
    const detail = code === null ? `HTTP ${status}` : `HTTP ${status}, ${code}`;
    message = `${DEFAULT_MESSAGES[kind].slice(0, -1)} (${detail}).`;
  }
  return new UpscopeApiError(kind, { message, status, code, retryAfterMs });
}

const DELAY_SECONDS = /^\d+(?:\.\d+)?$/;
// IMF-fixdate, RFC 850 and asctime all start with a day name; checking it keeps Date.parse
// from reading numbers or other junk as dates.
const HTTP_DATE = /^[A-Za-z]{3,9},?\s/;

/**
 * Parses a Retry-After header: either delay-seconds or an HTTP-date. Returns milliseconds from
 * `nowMs` (never negative), or null when the header is missing or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) {
    const ms = Math.round(Number(text) * 1000);
    return Number.isFinite(ms) ? ms : null;
  }
  if (HTTP_DATE.test(text)) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
  }
  return null;
}
