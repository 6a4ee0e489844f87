import browser from 'webextension-polyfill';

// After Upscope asked for a pause, the open tickets are looked at again when it ends, by an alarm
// (timers die with the worker), so the badge can say when: "Retrying at 12:05".

export const PAUSE_RETRY_ALARM = 'pause-retry';

/** Browsers run an alarm 30 s after it is set at the earliest. */
const EARLIEST_MS = 30_000;
/** A pause that says no length is waited out for a minute. */
const UNSAID_MS = 60_000;

/** Sets the look after the pause (or keeps a later one already set); returns its time. */
export async function retryAfterPause(
  retryAfterMs: number | null | undefined,
  now = Date.now(),
): Promise<number> {
  const at = now + Math.max(retryAfterMs ?? UNSAID_MS, EARLIEST_MS);
  const set = await browser.alarms.get(PAUSE_RETRY_ALARM);
  if (set && set.scheduledTime >= at) return set.scheduledTime;
  await browser.alarms.create(PAUSE_RETRY_ALARM, { when: at });
  return at;
}
