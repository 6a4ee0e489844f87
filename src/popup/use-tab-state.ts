import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Reply } from '../shared/views';
import { errorText } from '../wording/errors';
import {
  send,
  type ErrorInfo,
  type Setup,
  type TabState,
  type TabStateReply,
} from '../shared/page-send';
import { follow, lastTicketAfter, latestOnly, ticketKey } from './follow';
import { entriesOf } from './model';

/** The tab a page speaks about, and the worker's stored answer for it, both asked for early. */
export interface Boot {
  tabId: Promise<number | null>;
  /** The worker's stored answer for the tab: no network, so the cached visitor shows at once. */
  cached: Promise<Reply<TabStateReply>>;
  /** A search "Find in Upscope" left for this page to run as it opens; null when none waits. */
  search?: Promise<string | null>;
}

/**
 * For a page that stays open while the agent moves between tabs (the side panel): calls
 * `changed` with the active tab whenever it, or what the worker knows about it or about the tab
 * shown (`shown`), may have changed. Returns what stops watching.
 */
export interface TabWatch {
  watch(changed: (activeTabId: number) => void, shown: () => number | null): () => void;
}

/** Without a tab (a popup over an empty window) the setup still has to be known. */
export async function setupOnly(): Promise<Reply<TabStateReply>> {
  const reply = await send({ type: 'setup/get' });
  return reply.ok ? { ok: true, data: { state: null, setup: reply.data } } : reply;
}

export type Load =
  | { phase: 'loading' }
  | { phase: 'ready'; tab: TabState | null; setup: Setup }
  | { phase: 'failed'; error: ErrorInfo };

/**
 * What the worker knows about the tab: the cached answer first, then a fresh lookup when it is a
 * ticket. `say` announces what the agent should hear (a failed refresh keeps what is shown). With
 * a `follower`, the tab spoken about follows the active one.
 */
export function useTabState(start: Boot, say: (text: string) => void, follower?: TabWatch) {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  /** The last ticket shown while the active tab shows none (see follow.ts). */
  const [kept, setKept] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  /** The visitor the agent picked among the ticket's matches. */
  const [pick, setPick] = useState<string | null>(null);
  /** The tab shown now, for answers that arrive after the page moved on to another one. */
  const shown = useRef<number | null>(null);
  const lastTicket = useRef<number | null>(null);

  function show(id: number | null) {
    shown.current = id;
    setTabId(id);
  }

  function apply(reply: Reply<TabStateReply>, keepOnError: boolean) {
    if (reply.ok) setLoad({ phase: 'ready', tab: reply.data.state, setup: reply.data.setup });
    else if (!keepOnError) setLoad({ phase: 'failed', error: reply.error });
    else say(errorText(reply.error));
  }

  async function refresh(id: number | null) {
    if (id === null) return;
    setRefreshing(true);
    const reply = await send({ type: 'tab/state', tabId: id, refresh: true });
    setRefreshing(false);
    if (shown.current === id) apply(reply, true);
  }

  useEffect(() => {
    let stop = () => {};
    void (async () => {
      const id = await start.tabId;
      show(id);
      const cached = await start.cached;
      apply(cached, false);
      if (cached.ok && cached.data.state) lastTicket.current = id;
      // Following costs no request: only the stored answers are read again (the content script
      // already asks for a fresh one when its tab comes into view or moves to another ticket).
      if (follower) {
        let active = id;
        const ask = (tab: number) => send({ type: 'tab/state', tabId: tab, refresh: false });
        const again = latestOnly(
          () => follow(active!, lastTicket.current, ask),
          (followed) => {
            lastTicket.current = lastTicketAfter(followed, lastTicket.current);
            show(followed.tabId);
            setKept(followed.kept);
            apply(followed.reply, true);
          },
        );
        stop = follower.watch(
          (activeTabId) => {
            active = activeTabId;
            again();
          },
          () => shown.current,
        );
      }
      // Only a ticket tab has anything to look up again.
      if (cached.ok && cached.data.state) await refresh(id);
    })();
    return () => stop();
  }, []);

  const ready = load.phase === 'ready' ? load : null;
  const tab = ready?.tab ?? null;
  const entries = useMemo(() => (tab ? entriesOf(tab.visitors, tab.candidates) : []), [tab]);

  return {
    load,
    tabId,
    tab,
    kept,
    /** Changes when another ticket (or none) comes into view. */
    ticket: ticketKey(tabId, tab),
    setup: ready?.setup ?? null,
    entries,
    ambiguous: tab?.ambiguous ?? false,
    tied: tab?.tied ?? 0,
    refreshing,
    pick,
    setPick,
    refresh: () => refresh(tabId),
    /** After a failure: start over, as on open. */
    retry() {
      setLoad({ phase: 'loading' });
      void start.cached.then(() =>
        tabId === null
          ? setupOnly().then((r) => apply(r, false))
          : send({ type: 'tab/state', tabId, refresh: true }).then((r) => apply(r, false)),
      );
    },
    /** Reads the worker's stored answer again (it has looked the ticket up after a change). */
    async reread() {
      // Without a tab, what may have changed is the setup (the agent's name and ID answered).
      apply(
        tabId === null
          ? await setupOnly()
          : await send({ type: 'tab/state', tabId, refresh: false }),
        true,
      );
    },
  };
}

export type TabStateHook = ReturnType<typeof useTabState>;
