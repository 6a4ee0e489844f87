import { isUpscopeApiError, type UpscopeApiError } from '../api';
import type { ErrorInfo } from '../shared/views';
import { errorText } from '../wording/errors';
import { t, type MessageKey } from '../wording/i18n';

/**
 * How a Problem is worded, always from _locales: a message key, a key with its substitutions, or
 * a sentence already looked up there (such as the badge's own title).
 */
export type ProblemWords = MessageKey | [MessageKey, ...(string | number)[]] | { worded: string };

function say(words: ProblemWords): string {
  if (typeof words === 'string') return t(words);
  if (Array.isArray(words)) return t(...words);
  return words.worded;
}

/** A refusal decided inside the extension (no key, no agent, a limit), worded for the agent. */
export class Problem extends Error {
  readonly retryAfterMs: number | null;

  constructor(
    readonly kind: string,
    words: ProblemWords,
    options: { retryAfterMs?: number | null } = {},
  ) {
    super(say(words));
    this.name = 'Problem';
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/**
 * Said in the agent's language, English included: an API error in the words `_locales` gives its
 * kind (src/wording/errors.ts); the client's own sentence is for logs and developers.
 */
function apiErrorInfo(error: UpscopeApiError): ErrorInfo {
  const info = { kind: error.kind, message: '', retryAfterMs: error.retryAfterMs };
  if (error.kind === 'redirected') {
    const host = error.redirectHost;
    return {
      ...info,
      message: host === null ? t('errorRedirected') : t('errorRedirectedTo', host),
    };
  }
  return { ...info, message: errorText(info) };
}

/**
 * What other contexts are told about a failure. API and extension errors carry sentences written
 * for people and free of secrets; anything else is an internal fault whose text is not passed on.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isUpscopeApiError(error)) return apiErrorInfo(error);
  // A problem of the worker's own is worded from _locales when it is made.
  if (error instanceof Problem) {
    return { kind: error.kind, message: error.message, retryAfterMs: error.retryAfterMs };
  }
  return { kind: 'internal', message: t('errorInternal') };
}
