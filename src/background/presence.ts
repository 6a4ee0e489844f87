import browser from 'webextension-polyfill';
import { loadSettings } from './settings-store';
import { allTabStates } from './tab-state';
import { forgetTicket, refreshShownTicket } from './ticket-tabs';
import { checkWatchedAndNotify } from './back-notice';
import { showWaitingNotice, startedWaiting } from './waiting-notice';
import { watching } from './watchlist';

// Presence is refreshed while a ticket is open and visible (any open ticket, when the agent asked
// to hear of customers waiting for a call), or a customer is watched, by an alarm (timers die
// with the worker). With none of these the alarm is cleared and nothing runs.

export const PRESENCE_ALARM = 'presence-refresh';
/** Chrome runs alarms at most every 30 s. */
const MIN_PERIOD_MINUTES = 0.5;

export async function syncPresenceAlarm(): Promise<void> {
  const [states, { notifyWaiting }] = await Promise.all([allTabStates(), loadSettings()]);
  const anyLooked = [...states.values()].some(
    (s) => (s.visible || notifyWaiting) && s.view.state !== 'disabled',
  );
  if (!anyLooked && !(await watching())) {
    await browser.alarms.clear(PRESENCE_ALARM);
    return;
  }
  const { freshnessSeconds } = await loadSettings();
  const period = Math.max(MIN_PERIOD_MINUTES, freshnessSeconds / 60);
  const existing = await browser.alarms.get(PRESENCE_ALARM);
  // A one-off refresh already due sooner is kept: when it runs, it comes back here and sets the
  // period. Replacing it would push that refresh back by a whole period.
  const dueSooner =
    existing !== undefined &&
    existing.periodInMinutes === undefined &&
    existing.scheduledTime <= Date.now() + period * 60_000;
  if (existing?.periodInMinutes !== period && !dueSooner) {
    await browser.alarms.create(PRESENCE_ALARM, {
      periodInMinutes: period,
      delayInMinutes: period,
    });
  }
}

export async function refreshVisibleTickets(): Promise<void> {
  const [states, { notifyWaiting }] = await Promise.all([allTabStates(), loadSettings()]);
  await Promise.all(
    [...states].map(async ([tabId, state]) => {
      // A ticket in a background tab is looked at only to hear that its customer is waiting.
      if (!state.visible && !notifyWaiting) return;
      try {
        await browser.tabs.get(tabId);
      } catch {
        await forgetTicket(tabId);
        return;
      }
      const next = await refreshShownTicket(tabId, { push: true });
      if (next && notifyWaiting && startedWaiting(state, next)) {
        // Stryker disable next-line BlockStatement: the handler only tells the console
        await showWaitingNotice(tabId, next).catch((error: unknown) => {
          // Notifications turned off for the browser: the badge still says "waiting".
          // Stryker disable next-line StringLiteral: the console's words
          console.warn('Could not show the notification.', error);
        });
      }
    }),
  );
  // After the tickets: a watched customer whose ticket is open is answered from their lookup.
  // Stryker disable next-line BlockStatement: the handler only tells the console
  await checkWatchedAndNotify().catch((error: unknown) => {
    // Stryker disable next-line StringLiteral: the console's words
    console.warn('Could not check the watched customers.', error);
  });
  await syncPresenceAlarm();
}
