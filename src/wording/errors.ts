import { t, type MessageKey } from './i18n';

// What went wrong, said in the agent's language. The worker's own sentence (English) is the
// fallback for kinds the pages do not know, so nothing is ever left unexplained.

const KEYS: Record<string, MessageKey> = {
  invalid_api_key: 'keyProblemInvalid',
  subscription_expired: 'keyProblemExpired',
  no_subscription: 'keyProblemNoSubscription',
  api_not_enabled: 'keyProblemApiNotEnabled',
  access_restricted: 'keyProblemRestricted',
  unauthorized: 'keyProblemUnauthorized',
  no_key: 'errorNoKey',
  no_agent: 'errorNoAgent',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  server_error: 'errorServer',
  over_plan_limits: 'errorOverPlan',
  visitor_gone: 'errorVisitorGone',
  not_found: 'errorNotFound',
  endpoint_not_found: 'errorEndpointNotFound',
  malformed_response: 'errorUnreadable',
  unexpected_response: 'errorUnreadable',
  already_starting: 'errorAlreadyStarting',
  no_visitor: 'commandNoVisitor',
  empty_search: 'searchEmpty',
  internal: 'errorInternal',
};

export interface ErrorLike {
  kind: string;
  message: string;
  retryAfterMs?: number | null;
}

export function errorText(error: ErrorLike): string {
  if (error.kind === 'rate_limited' || error.kind === 'tab_rate_limited') {
    const ms = error.retryAfterMs;
    return typeof ms === 'number' && ms > 0
      ? t('errorRateLimitedFor', Math.ceil(ms / 1000))
      : t('errorRateLimited');
  }
  const key = KEYS[error.kind];
  if (key) return t(key);
  return error.message || t('errorInternal');
}

/** Error kinds only the settings (or the Upscope team's plan) can fix. */
const SETTINGS_KINDS = new Set([
  'no_key',
  'no_agent',
  'invalid_api_key',
  'subscription_expired',
  'no_subscription',
  'api_not_enabled',
  'access_restricted',
  'unauthorized',
  'endpoint_not_found',
]);

export function needsSettings(kind: string): boolean {
  return SETTINGS_KINDS.has(kind);
}

/** Kinds where the same request may simply work a moment later. */
const RETRY_KINDS = new Set(['server_error', 'timeout', 'network', 'internal']);

export function canRetry(kind: string): boolean {
  return RETRY_KINDS.has(kind);
}
