import type { ErrorInfo } from '../shared/page-send';
import { errorText } from '../wording/errors';
import { t, uiLanguage } from '../wording/i18n';

/**
 * When Upscope's pause ends, as the agent's clock shows it ("12:05"; with seconds when it ends
 * within the minute, where "12:05" could already be now). Null when the error is not a pause.
 */
export function pauseEnd(
  error: ErrorInfo,
  now = Date.now(),
  language = uiLanguage(),
): string | null {
  if (error.kind !== 'rate_limited' || !error.retryAfterMs) return null;
  const seconds = error.retryAfterMs < 60_000;
  return new Intl.DateTimeFormat(language, {
    hour: 'numeric',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  }).format(now + error.retryAfterMs);
}

/** An error as the settings page says it: a pause says until when, anything else its words. */
export function settingsErrorText(error: ErrorInfo, now = Date.now()): string {
  const end = pauseEnd(error, now);
  return end ? t('optionsPausedUntil', end) : errorText(error);
}
