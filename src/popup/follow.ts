import type { Reply } from '../shared/views';
import type { TabState, TabStateReply } from '../shared/page-send';

// Which tab a page that stays open (the side panel) speaks about as the agent moves between tabs.
// It follows the active tab; when that tab shows no ticket (a co-browsing session just opened
// beside the ticket, a mail, a search), the last ticket stays in view, marked as kept, for as long
// as its tab still shows it. Pure: the answers come from `ask`, so the rule is tested on its own.

/** The worker's stored answer for one tab (never a lookup: following costs no request). */
export type Ask = (tabId: number) => Promise<Reply<TabStateReply>>;

export interface Followed {
  /** The tab whose answer is shown (the active one, or the last ticket's). */
  tabId: number | null;
  reply: Reply<TabStateReply>;
  /** True when this is the last ticket, kept because the active tab shows none. */
  kept: boolean;
}

/**
 * What to show for the active tab: its own answer when it is a ticket; else the last ticket's,
 * while that tab still shows it; else the active tab's (no ticket).
 */
export async function follow(
  activeTabId: number,
  lastTicketTabId: number | null,
  ask: Ask,
): Promise<Followed> {
  const reply = await ask(activeTabId);
  if (!reply.ok || reply.data.state || lastTicketTabId === null) {
    return { tabId: activeTabId, reply, kept: false };
  }
  if (lastTicketTabId === activeTabId) return { tabId: activeTabId, reply, kept: false };
  const last = await ask(lastTicketTabId);
  if (last.ok && last.data.state) return { tabId: lastTicketTabId, reply: last, kept: true };
  return { tabId: activeTabId, reply, kept: false };
}

/** The tab to keep as "the last ticket" after showing `followed`. */
export function lastTicketAfter(followed: Followed, previous: number | null): number | null {
  if (followed.kept) return previous;
  return followed.reply.ok && followed.reply.data.state ? followed.tabId : null;
}

/**
 * The ticket a tab shows, as one string: a change means another customer is in view (the pick,
 * the open details and the forget question belonged to the one before).
 */
export function ticketKey(tabId: number | null, state: TabState | null): string {
  if (tabId === null || !state) return '';
  return JSON.stringify([tabId, state.helpdesk, state.ticketId, state.identities]);
}

/**
 * Runs `task` for the newest request only: while one runs, further requests fold into a single
 * run after it, and the answer of a run overtaken by a newer request is dropped. Browser events
 * come in bursts (a navigation fires several updates and a storage change); one answer each.
 */
export function latestOnly<T>(task: () => Promise<T>, apply: (value: T) => void): () => void {
  let running = false;
  let again = false;
  async function run() {
    running = true;
    do {
      again = false;
      const value = await task();
      if (!again) apply(value);
    } while (again);
    running = false;
  }
  return () => {
    if (running) again = true;
    else void run();
  };
}
