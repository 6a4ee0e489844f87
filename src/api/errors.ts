export const UPSCOPE_ERROR_KINDS = [
  'invalid_api_key',
  'subscription_expired',
  'no_subscription',
  'api_not_enabled',
  'access_restricted',
  'unauthorized',
  'forbidden',
  'error_answer',
  'redirected',
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

/**
 * Kinds meaning "this key cannot be used until someone changes it or the plan": only the codes
 * Upscope documents for a refused key. A 401 without one of them (a proxy's sign-in page, a
 * gateway) says nothing about the key, so it does not lock it.
 */
const AUTH_KINDS: ReadonlySet<UpscopeErrorKind> = new Set<UpscopeErrorKind>([
  'invalid_api_key',
  'subscription_expired',
  'no_subscription',
  'api_not_enabled',
  'access_restricted',
]);

/** Kinds where repeating the same request later may succeed. */
const RETRYABLE_KINDS: ReadonlySet<UpscopeErrorKind> = new Set<UpscopeErrorKind>([
  'rate_limited',
  'server_error',
  'timeout',
  'network',
]);

/**
 * Each kind's sentence for logs and developers reading an error in the console. People never see
 * these: the worker words every kind from _locales (src/wording/errors.ts).
 */
const DEFAULT_MESSAGES: Record<UpscopeErrorKind, string> = {
  invalid_api_key: 'Upscope did not accept the API key. Check the key in the extension settings.',
  subscription_expired: "The Upscope team's subscription has expired.",
  no_subscription: 'The Upscope team has no active subscription.',
  api_not_enabled: "The Upscope team's plan does not include REST API access.",
  access_restricted: 'Upscope has restricted API access for this team. Please contact Upscope.',
  unauthorized:
    'Upscope refused this request without saying why. Your API key is kept as it is: try again, and if this keeps happening, check the API endpoint in the settings.',
  forbidden:
    'Upscope did not allow this request. Your API key is kept as it is. If this keeps happening, ask your Upscope admin or your IT team whether access to the API is blocked.',
  error_answer:
    'Upscope answered that the request failed, without a reason the extension knows. Try again in a moment.',
  redirected:
    'The API endpoint redirects somewhere else, so nothing was sent there. Check the API endpoint in the settings.',
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
  redirectHost?: string | null;
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
  /**
   * For 'redirected': the host the API address redirects to, when the answer let it be read (a
   * service worker sees an opaque redirect and cannot); never one that contains the key.
   */
  readonly redirectHost: string | null;

  constructor(kind: UpscopeErrorKind, init: UpscopeApiErrorInit = {}) {
    super(init.message ?? DEFAULT_MESSAGES[kind]);
    this.kind = kind;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.retryable = RETRYABLE_KINDS.has(kind);
    this.redirectHost = init.redirectHost ?? null;
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
    redirectHost: string | null;
  } {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      retryAfterMs: this.retryAfterMs,
      retryable: this.retryable,
      redirectHost: this.redirectHost,
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
  // Own keys only: a body saying `"error": "constructor"` must not find Object's.
  const byCode = code !== null && Object.hasOwn(AUTH_CODES, code) ? AUTH_CODES[code] : undefined;
  if (byCode) return byCode;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  // A 2xx whose body says `{status: "error"}` with a code not documented for it.
  if (status < 300) return 'error_answer';
  return 'bad_request';
}

/**
 * Builds the error for a refused response. The sentence is for the agent: the HTTP status and the
 * vendor's code stay in `status` and `code`, not in the words.
 */
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
