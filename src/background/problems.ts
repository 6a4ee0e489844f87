import { isUpscopeApiError } from '../api';
import type { ErrorInfo } from '../shared/views';
import { errorText } from '../wording/errors';
import { t } from '../wording/i18n';

/** A refusal decided inside the extension (no key, no agent, a limit), worded for the agent. */
export class Problem extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'Problem';
  }
}

/**
 * Said in the agent's language. In English, the sentence as written: it carries the details
 * (seconds to wait, the HTTP status). In other languages, the translation of the error's kind.
 */
function inAgentsLanguage(info: ErrorInfo): ErrorInfo {
  // The language of the messages file in use, not the browser's: they differ when no file
  // matches the browser's language and Chrome falls back to English.
  return t('langCode').toLowerCase().startsWith('en')
    ? info
    : { ...info, message: errorText(info) };
}

/**
 * What other contexts are told about a failure. API and extension errors carry sentences written
 * for people and free of secrets; anything else is an internal fault whose text is not passed on.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isUpscopeApiError(error) || error instanceof Problem) {
    return inAgentsLanguage({
      kind: error.kind,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    });
  }
  return inAgentsLanguage({
    kind: 'internal',
    message: 'Something went wrong inside the extension. Please try again.',
  });
}
