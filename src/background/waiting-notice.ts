import browser from 'webextension-polyfill';
import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { visitorLabel } from '../wording/visitor';
import { t } from '../wording/i18n';
import { startCobrowse } from './cobrowse';
import { hasButtons, showNotice } from './notice';
import { getTabState, startsInOneClick, type TabState } from './tab-state';

// "Jane Doe is asking for a call": when the agent turned it on, a system notification as the
// customer of any open ticket tab starts waiting for a call (is_waiting_for_call), found by the
// presence alarm. One notice per start of waiting; Chrome's buttons start co-browsing (only for a
// match that proves who the customer is, as the badge does) or show the ticket.

const PREFIX = 'waiting:';
const START_BUTTON = 0;

const noticeId = (tabId: number) => `${PREFIX}${tabId}`;

/** Whether the ticket's customer started waiting between two looks at the tab. */
export function startedWaiting(before: TabState | null, after: TabState): boolean {
  return after.view.state === 'waiting' && before?.view.state !== 'waiting';
}

export async function showWaitingNotice(tabId: number, state: TabState): Promise<void> {
  const visitor = state.visitors[0];
  if (!visitor) return;
  const helpdesk = HELPDESK_NAMES[state.helpdesk];
  const ticket = state.ticketId ? t('noticeBackTicket', helpdesk, state.ticketId) : helpdesk;
  const buttons = startsInOneClick(state)
    ? [t('startCobrowse'), t('noticeOpenTicket')]
    : [t('noticeOpenTicket')];
  await showNotice(
    noticeId(tabId),
    t('noticeWaitingTitle', visitorLabel(visitor)),
    hasButtons() ? ticket : t('noticeBackClick', ticket),
    buttons,
  );
}

/** The agent's own look at the ticket's tab. */
async function showTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true }).catch(() => null);
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

function tabOf(notificationId: string): number | null {
  if (!notificationId.startsWith(PREFIX)) return null;
  const id = Number(notificationId.slice(PREFIX.length));
  return Number.isInteger(id) ? id : null;
}

/** A click on the notice: the ticket's tab. Returns whether the notice was this module's. */
export async function onWaitingClicked(notificationId: string): Promise<boolean> {
  const tabId = tabOf(notificationId);
  if (tabId === null) return false;
  await browser.notifications.clear(notificationId);
  await showTab(tabId);
  return true;
}

/** Chrome's buttons: start with the ticket's customer (when that is one click), or the tab. */
export async function onWaitingButton(notificationId: string, index: number): Promise<boolean> {
  const tabId = tabOf(notificationId);
  if (tabId === null) return false;
  await browser.notifications.clear(notificationId);
  const state = await getTabState(tabId);
  if (index === START_BUTTON && state && startsInOneClick(state)) {
    await startCobrowse(state.visitors[0]!.short_id, tabId);
  } else await showTab(tabId);
  return true;
}
