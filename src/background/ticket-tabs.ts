import browser from 'webextension-polyfill';
import type { BadgeUpdateMessage } from '../shared/protocol';
import type { BadgeView } from '../shared/views';
import { usableKey } from './api-access';
import { disabledView, viewForError, viewForLookup } from './badge-view';
import { fixFor } from '../wording/errors';
import { lookupCustomer } from './lookup';
import { retryAfterPause } from './pause-retry';
import { toErrorInfo } from './problems';
import { loadSettings } from './settings-store';
import { tabBudget } from './tab-budget';
import { getTabState, setTabState, type TabState } from './tab-state';
import { showOnToolbar } from './toolbar';

export type TicketInfo = Pick<
  TabState,
  'helpdesk' | 'ticketId' | 'ticketUrl' | 'identities' | 'visible'
>;

/** The same words and state: a view the agent would not tell apart keeps its nonce. */
function sameView(a: BadgeView, b: BadgeView | undefined): boolean {
  return (
    !!b?.nonce &&
    a.state === b.state &&
    a.label === b.label &&
    a.title === b.title &&
    a.canStart === b.canStart
  );
}

/** The view as the tab gets it, with the nonce a start from its badge must name. */
function issue(view: BadgeView, previous: BadgeView | undefined): BadgeView {
  return { ...view, nonce: sameView(view, previous) ? previous!.nonce : crypto.randomUUID() };
}

function sameCustomer(a: TicketInfo, b: TicketInfo): boolean {
  return a.helpdesk === b.helpdesk && JSON.stringify(a.identities) === JSON.stringify(b.identities);
}

/** Tells the tab's content script how its badge should look. The tab may have gone: fine. */
export async function pushToTab(tabId: number, view: BadgeView): Promise<void> {
  const message: BadgeUpdateMessage = { type: 'badge/update', view };
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    // No content script listening (navigated away, closed, or reloaded).
  }
}

/**
 * Resolves the customer on a tab's ticket (from the cache while fresh), records the result for
 * the popup and the shortcut, and shows it on the toolbar. A failed lookup keeps the visitors
 * already known for the same customer, so a network blip loses nothing.
 */
export async function refreshTicket(
  tabId: number,
  ticket: TicketInfo,
  options: { push: boolean },
): Promise<TabState> {
  const settings = await loadSettings();
  const previous = await getTabState(tabId);
  const kept = previous && sameCustomer(previous, ticket) ? previous : null;
  let state: TabState;
  if (settings.disabledHelpdesks.includes(ticket.helpdesk)) {
    state = {
      ...ticket,
      view: disabledView(),
      visitors: [],
      candidates: [],
      ambiguous: false,
      updatedAt: Date.now(),
    };
  } else {
    try {
      await usableKey();
      const result = await lookupCustomer(
        ticket.identities,
        ticket.helpdesk,
        settings.freshnessSeconds * 1000,
        tabBudget(tabId),
      );
      state = {
        ...ticket,
        view: viewForLookup(result),
        visitors: result.visitors,
        candidates: result.candidates,
        ambiguous: result.ambiguous,
        updatedAt: Date.now(),
      };
    } catch (error) {
      const info = toErrorInfo(error);
      const retryAt =
        fixFor(info.kind) === 'wait' ? await retryAfterPause(info.retryAfterMs) : undefined;
      state = {
        ...ticket,
        view: viewForError(info, retryAt),
        visitors: kept?.visitors ?? [],
        candidates: kept?.candidates ?? [],
        ambiguous: kept?.ambiguous ?? false,
        updatedAt: kept?.updatedAt ?? Date.now(),
      };
    }
  }
  state.view = issue(state.view, previous?.view);
  await setTabState(tabId, state);
  await showOnToolbar(tabId, state.view);
  if (options.push) await pushToTab(tabId, state.view);
  return state;
}
