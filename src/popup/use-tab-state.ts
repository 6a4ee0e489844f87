import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Reply } from '../shared/views';
import { errorText } from '../wording/errors';
import {
  send,
  type ErrorInfo,
  type Setup,
  type TabState,
  type TabStateReply,
} from '../shared/page-send';
import { entriesOf } from './model';

/** The tab a page speaks about, and the worker's stored answer for it, both asked for early. */
export interface Boot {
  tabId: Promise<number | null>;
  /** The worker's stored answer for the tab: no network, so the cached visitor shows at once. */
  cached: Promise<Reply<TabStateReply>>;
  /** A search "Find in Upscope" left for this page to run as it opens; null when none waits. */
  search?: Promise<string | null>;
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
 * ticket. `say` announces what the agent should hear (a failed refresh keeps what is shown).
 */
export function useTabState(start: Boot, say: (text: string) => void) {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  /** The visitor the agent picked among the ticket's matches. */
  const [pick, setPick] = useState<string | null>(null);

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
    apply(reply, true);
  }

  useEffect(() => {
    void (async () => {
      const id = await start.tabId;
      setTabId(id);
      const cached = await start.cached;
      apply(cached, false);
      // Only a ticket tab has anything to look up again.
      if (cached.ok && cached.data.state) await refresh(id);
    })();
  }, []);

  const ready = load.phase === 'ready' ? load : null;
  const tab = ready?.tab ?? null;
  const entries = useMemo(() => (tab ? entriesOf(tab.visitors, tab.candidates) : []), [tab]);

  return {
    load,
    tabId,
    tab,
    setup: ready?.setup ?? null,
    entries,
    ambiguous: tab?.ambiguous ?? false,
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
      if (tabId !== null) apply(await send({ type: 'tab/state', tabId, refresh: false }), true);
    },
  };
}

export type TabStateHook = ReturnType<typeof useTabState>;
