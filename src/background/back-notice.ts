import browser from 'webextension-polyfill';
import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { t } from '../wording/i18n';
import { startCobrowse } from './cobrowse';
import { hasButtons, showNotice } from './notice';
import { toErrorInfo } from './problems';
import { getTabState } from './tab-state';
import {
  checkWatched,
  findWatched,
  removeWatched,
  type CheckOutcome,
  type WatchEntry,
} from './watchlist';

// The system notification for a watched customer who is back on the website. Chrome shows two
// buttons (start co-browsing, open the ticket); Firefox has no notification buttons, so there a
// click on the notification opens the ticket, and the notification says so.

const PREFIX = 'watch:';
/** A start from the notice that failed: says why, with the ticket as the one way on. */
const FAILED_PREFIX = 'watch-failed:';
const START_BUTTON = 0;

export const noticeId = (entry: Pick<WatchEntry, 'id'>) => `${PREFIX}${entry.id}`;

function ticketLine(entry: WatchEntry): string {
  if (entry.helpdesk === null) return t('noticeBackSearch', entry.query);
  const helpdesk = HELPDESK_NAMES[entry.helpdesk];
  return entry.ticketId ? t('noticeBackTicket', helpdesk, entry.ticketId) : helpdesk;
}

/** "Jane Doe is on your website now", once per return. */
export async function showBackNotice(entry: WatchEntry): Promise<void> {
  const ticket = ticketLine(entry);
  // Found with the popup's search: no ticket to open, so Start is the one action (on Firefox,
  // which has no buttons, the click on the notice).
  const fromTicket = entry.helpdesk !== null;
  const click = fromTicket ? 'noticeBackClick' : 'noticeBackClickStart';
  await showNotice(
    noticeId(entry),
    t('noticeBackTitle', entry.name),
    hasButtons() ? ticket : t(click, ticket),
    fromTicket ? [t('startCobrowse'), t('noticeOpenTicket')] : [t('startCobrowse')],
  );
}

let running: Promise<CheckOutcome> | null = null;

async function checkAndNotify(): Promise<CheckOutcome> {
  const outcome = await checkWatched();
  for (const { entry } of outcome.returned) {
    // Stryker disable next-line BlockStatement: the handler only tells the console
    await showBackNotice(entry).catch((error: unknown) => {
      // Notifications turned off for the browser: the popup's watch list still says "back".
      // Stryker disable next-line StringLiteral: the console's words
      console.warn('Could not show the notification.', error);
    });
  }
  // Gone again: a notice saying they are on the website would no longer be true.
  await Promise.all(outcome.left.map((entry) => browser.notifications.clear(noticeId(entry))));
  return outcome;
}

/**
 * The presence alarm's share for the watch list: check, then tell the agent who is back. An
 * alarm that fires while a check runs joins it rather than checking (and notifying) again.
 */
export function checkWatchedAndNotify(): Promise<CheckOutcome> {
  running ??= checkAndNotify().finally(() => {
    running = null;
  });
  return running;
}

/** Takes away whatever notice a watched customer has showing (removed from the list). */
export async function clearNotices(id: string): Promise<void> {
  await Promise.all([
    browser.notifications.clear(`${PREFIX}${id}`),
    browser.notifications.clear(`${FAILED_PREFIX}${id}`),
  ]);
}

/** Focuses the ticket's tab while it still shows that ticket; otherwise opens it again. */
export async function openTicket(entry: WatchEntry): Promise<void> {
  if (entry.tabId !== null) {
    const tab = await browser.tabs.get(entry.tabId).catch(() => null);
    const state = tab ? await getTabState(entry.tabId) : null;
    // The worker's record of the tab says which ticket it shows; without one, its address does.
    const same = state
      ? state.helpdesk === entry.helpdesk && state.ticketId === entry.ticketId
      : entry.ticketUrl !== null && tab?.url === entry.ticketUrl;
    if (tab && same) {
      await browser.tabs.update(entry.tabId, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
      return;
    }
  }
  if (entry.ticketUrl) {
    const tab = await browser.tabs.create({ url: entry.ticketUrl, active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  }
}

async function startFromNotice(entry: WatchEntry): Promise<void> {
  const shortId = entry.backShortId ?? entry.id;
  const beside =
    entry.tabId === null ? null : await browser.tabs.get(entry.tabId).catch(() => null);
  try {
    await startCobrowse(shortId, beside?.id);
  } catch (error) {
    // Said where the agent is looking, with the way to the ticket.
    await showNotice(
      `${FAILED_PREFIX}${entry.id}`,
      t('noticeStartFailed', entry.name),
      toErrorInfo(error).message,
      [t('noticeOpenTicket')],
    );
    return;
  }
  // Reached: nothing left to wait for.
  await removeWatched(entry.id);
}

function parse(notificationId: string): { id: string; failed: boolean } | null {
  if (notificationId.startsWith(FAILED_PREFIX)) {
    return { id: notificationId.slice(FAILED_PREFIX.length), failed: true };
  }
  if (notificationId.startsWith(PREFIX))
    return { id: notificationId.slice(PREFIX.length), failed: false };
  return null;
}

/**
 * A click on the notice itself: the ticket. On Firefox (no buttons) a customer found with the
 * popup's search has no ticket, so there the click is their Start button, as the notice says.
 */
export async function onNoticeClicked(notificationId: string): Promise<void> {
  const notice = parse(notificationId);
  const entry = notice && (await findWatched(notice.id));
  if (!notice || !entry) return;
  await browser.notifications.clear(notificationId);
  if (!hasButtons() && !notice.failed && entry.helpdesk === null) await startFromNotice(entry);
  else await openTicket(entry);
}

/** Chrome's buttons: start co-browsing or open the ticket; after a failed start, the ticket. */
export async function onNoticeButton(notificationId: string, index: number): Promise<void> {
  const notice = parse(notificationId);
  const entry = notice && (await findWatched(notice.id));
  if (!notice || !entry) return;
  await browser.notifications.clear(notificationId);
  if (!notice.failed && index === START_BUTTON) await startFromNotice(entry);
  else await openTicket(entry);
}
