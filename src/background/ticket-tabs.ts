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
import { inTurn } from './in-turn';
import { getTabState, removeTabState, setTabState, type TabState } from './tab-state';
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
 * A tab's lookups run in the order they were asked for. Without this, a lookup that began during
 * an outage could finish after one that began once it ended, and put "Unavailable" back on a
 * badge that had just recovered; or a later lookup could share a search sent before it was asked.
 */
const oneAtATime = inTurn<number>();

/**
 * Resolves the customer on a tab's ticket (from the cache while fresh), records the result for
 * the popup and the shortcut, and shows it on the toolbar. A failed lookup keeps the visitors
 * already known for the same customer, so a network blip loses nothing.
 */
export function refreshTicket(
  tabId: number,
  ticket: TicketInfo,
  options: { push: boolean },
): Promise<TabState> {
  return oneAtATime(tabId, () => lookUp(tabId, ticket, options));
}

/**
 * Looks again at the ticket a tab shows when its turn comes (not at a copy read earlier, which a
 * next ticket in the same tab may have replaced since), with `change` applied; null when the tab
 * shows no ticket any more.
 */
export function refreshShownTicket(
  tabId: number,
  options: { push: boolean },
  change: Partial<TicketInfo> = {},
): Promise<TabState | null> {
  return oneAtATime(tabId, async () => {
    const state = await getTabState(tabId);
    return state ? lookUp(tabId, { ...state, ...change }, options) : null;
  });
}

/** Records that a tab's ticket was hidden or shown again; shown, it is looked at again. */
export function setTicketVisible(tabId: number, visible: boolean): Promise<TabState | null> {
  return oneAtATime(tabId, async () => {
    const state = await getTabState(tabId);
    if (!state) return null;
    if (visible) return lookUp(tabId, { ...state, visible }, { push: false });
    const next = { ...state, visible };
    await setTabState(tabId, next);
    return next;
  });
}

/** Forgets a tab's ticket after any lookup already asked for, so that none brings it back. */
export function forgetTicket(tabId: number): Promise<void> {
  return oneAtATime(tabId, () => removeTabState(tabId));
}

async function lookUp(
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
      tied: 0,
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
        tied: result.tied,
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
        tied: kept?.tied ?? 0,
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
