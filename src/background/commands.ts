import browser from 'webextension-polyfill';
import type { Tabs } from 'webextension-polyfill';
import { t } from '../wording/i18n';
import { viewForError } from './badge-view';
import { startCobrowse } from './cobrowse';
import { toErrorInfo } from './problems';
import { getTabState, startsInOneClick } from './tab-state';
import { pushToTab } from './ticket-tabs';
import { showOnToolbar } from './toolbar';
import { openPanelInstead } from './toolbar-opens';

export const START_COMMAND = 'start-cobrowse';

/**
 * Opens the popup for the agent to decide (the side panel when the toolbar opens that instead);
 * without a window for either, says why on the toolbar.
 */
export async function openPopupInstead(tabId: number | undefined, why: string): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    // No popup (the toolbar opens the side panel), no focused window to anchor one, or an older
    // browser: the panel if it is the agent's choice, else say it on the toolbar instead.
    if (await openPanelInstead(tabId)) return;
    if (tabId !== undefined) {
      await showOnToolbar(tabId, { state: 'error', label: '', title: why, canStart: false });
    }
  }
}

/**
 * The shortcut starts co-browsing with the ticket's best visitor when that choice is clear and
 * the visitor is available. Otherwise it opens the popup to let the agent decide, never guessing:
 * also for a possible match (found only by a name or a code from the ticket).
 */
export async function onStartShortcut(tab: Tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id;
  const state = tabId === undefined ? null : await getTabState(tabId);
  const best = state?.visitors[0];
  if (!state || !best) {
    await openPopupInstead(tabId, t('commandNoVisitor'));
    return;
  }
  if (!startsInOneClick(state)) {
    await openPopupInstead(tabId, state.view.title);
    return;
  }
  try {
    await startCobrowse(best.short_id, tabId);
  } catch (error) {
    const view = viewForError(toErrorInfo(error));
    if (tabId !== undefined) {
      await showOnToolbar(tabId, view);
      await pushToTab(tabId, view);
    }
  }
}
