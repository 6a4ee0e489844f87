import { t, type MessageKey } from './i18n';

// What went wrong, said in the agent's language, and what fixes it: the one table the badge, the
// toolbar, the popup and the options page all read. The worker's own sentence is the fallback for
// kinds not listed here, so nothing is ever left unexplained.

/**
 * What the agent can do about a failure: change the settings (or the Upscope team's plan), try
 * the same thing again, wait for the pause Upscope asked for, or nothing from here.
 */
export type Fix = 'settings' | 'retry' | 'wait' | 'none';

export interface ErrorWords {
  key: MessageKey;
  fix: Fix;
  /**
   * The worker's own sentence (already worded from _locales in the agent's language) says more
   * than the key's: it names what to fix. The key's words are the fallback.
   */
  detailed?: boolean;
  /** The words on the settings page itself, which never sends the agent "to the settings". */
  here?: MessageKey;
}

const ERRORS: Readonly<Record<string, ErrorWords>> = {
  invalid_api_key: { key: 'keyProblemInvalid', fix: 'settings', here: 'keyProblemInvalidHere' },
  subscription_expired: {
    key: 'keyProblemExpired',
    fix: 'settings',
    here: 'keyProblemExpiredHere',
  },
  no_subscription: { key: 'keyProblemNoSubscription', fix: 'settings' },
  api_not_enabled: { key: 'keyProblemApiNotEnabled', fix: 'settings' },
  access_restricted: { key: 'keyProblemRestricted', fix: 'settings' },
  // A 401 without a documented key error: the key is kept, and the next call tries again.
  unauthorized: {
    key: 'errorUnexplainedRefusal',
    fix: 'retry',
    here: 'errorUnexplainedRefusalHere',
  },
  forbidden: { key: 'errorForbidden', fix: 'none' },
  error_answer: { key: 'errorFailedAnswer', fix: 'retry' },
  // The worker names where the redirect leads when it can see it.
  redirected: {
    key: 'errorRedirected',
    fix: 'settings',
    detailed: true,
    here: 'errorRedirectedHere',
  },
  no_key: { key: 'errorNoKey', fix: 'settings', here: 'errorNoKeyHere' },
  key_other_origin: {
    key: 'errorKeyOtherOrigin',
    fix: 'settings',
    detailed: true,
    here: 'errorKeyOtherOriginHere',
  },
  no_agent: { key: 'errorNoAgent', fix: 'settings', here: 'errorNoAgentHere' },
  endpoint_not_found: {
    key: 'errorEndpointNotFound',
    fix: 'settings',
    here: 'errorEndpointNotFoundHere',
  },
  network: { key: 'errorNetwork', fix: 'retry' },
  timeout: { key: 'errorTimeout', fix: 'retry' },
  server_error: { key: 'errorServer', fix: 'retry' },
  internal: { key: 'errorInternal', fix: 'retry' },
  rate_limited: { key: 'errorRateLimited', fix: 'wait' },
  tab_rate_limited: { key: 'errorRateLimited', fix: 'wait' },
  over_plan_limits: { key: 'errorOverPlan', fix: 'none' },
  visitor_gone: { key: 'errorVisitorGone', fix: 'none' },
  stale_view: { key: 'errorStaleView', fix: 'retry' },
  untrusted_watch_url: { key: 'errorUntrustedWatchUrl', fix: 'none' },
  not_found: { key: 'errorNotFound', fix: 'none' },
  bad_request: { key: 'errorBadRequest', fix: 'none' },
  aborted: { key: 'errorAborted', fix: 'retry' },
  malformed_response: { key: 'errorUnreadable', fix: 'none' },
  unexpected_response: { key: 'errorUnreadable', fix: 'none' },
  already_starting: { key: 'errorAlreadyStarting', fix: 'none' },
  no_visitor: { key: 'commandNoVisitor', fix: 'none' },
  possible_match: { key: 'problemPossibleMatch', fix: 'none' },
  empty_search: { key: 'searchEmpty', fix: 'none' },
};

/** The words and the fix for an error kind, or null for a kind the table does not know. */
export function errorWords(kind: string): ErrorWords | null {
  return Object.hasOwn(ERRORS, kind) ? ERRORS[kind]! : null;
}

/** What fixes a failure of this kind; an unknown kind has no fix the agent can reach. */
export function fixFor(kind: string): Fix {
  return errorWords(kind)?.fix ?? 'none';
}

export interface ErrorLike {
  kind: string;
  message: string;
  retryAfterMs?: number | null;
}

/**
 * Where the words are read. The settings page says so once at start-up: there a failure names
 * what to fix ("Check the API endpoint"), not the page the agent is already on.
 */
let onSettingsPage = false;

export function readOnSettingsPage(): void {
  onSettingsPage = true;
}

export function errorText(error: ErrorLike): string {
  if (fixFor(error.kind) === 'wait') {
    const ms = error.retryAfterMs;
    return typeof ms === 'number' && ms > 0
      ? t('errorRateLimitedFor', Math.ceil(ms / 1000))
      : t('errorRateLimited');
  }
  const words = errorWords(error.kind);
  if (words?.here && onSettingsPage) return t(words.here);
  if (words) return words.detailed && error.message ? error.message : t(words.key);
  return error.message || t('errorInternal');
}

/** Error kinds only the settings (or the Upscope team's plan) can fix. */
export function needsSettings(kind: string): boolean {
  return fixFor(kind) === 'settings';
}

/** Kinds where the same request may simply work a moment later. */
export function canRetry(kind: string): boolean {
  return fixFor(kind) === 'retry';
}
