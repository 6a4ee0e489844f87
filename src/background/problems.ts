import { isUpscopeApiError } from '../api';
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
  if (isUpscopeApiError(error) && error.kind === 'redirected') {
    const host = error.redirectHost;
    return inAgentsLanguage({
      kind: error.kind,
      message: host === null ? t('errorRedirected') : t('errorRedirectedTo', host),
      retryAfterMs: null,
    });
  }
  if (isUpscopeApiError(error) || error instanceof Problem) {
    return inAgentsLanguage({
      kind: error.kind,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    });
  }
  return inAgentsLanguage({ kind: 'internal', message: t('errorInternal') });
}
