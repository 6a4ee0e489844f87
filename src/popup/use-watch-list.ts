import { useEffect, useState } from 'preact/hooks';
import { t } from '../wording/i18n';
import { send, type ErrorInfo, type Visitor, type WatchListReply } from '../shared/page-send';
import type { Reply } from '../shared/views';
import { strongSearch } from '../shared/watch';
import { visitorLabel } from '../wording/visitor';

/**
 * The customers the agent waits for: read once when the popup opens, changed from a visitor's
 * card ("Notify me when they're online") or from the list itself.
 */
export function useWatchList(tabId: number | null, say: (text: string) => void) {
  const [list, setList] = useState<WatchListReply | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; error: ErrorInfo } | null>(null);

  useEffect(() => {
    void send({ type: 'watch/list' }).then((reply) => {
      if (reply.ok) setList(reply.data);
    });
  }, []);

  /** One change to the list for visitor `id`, said aloud with `done` once the worker took it. */
  async function change(id: string, ask: () => Promise<Reply<WatchListReply>>, done: string) {
    if (busy) return;
    setBusy(id);
    setError(null);
    const reply = await ask();
    setBusy(null);
    if (!reply.ok) {
      setError({ id, error: reply.error });
      return;
    }
    setList(reply.data);
    say(done);
  }

  const add = (visitor: Visitor) =>
    tabId === null
      ? Promise.resolve()
      : change(
          visitor.short_id,
          () => send({ type: 'watch/add', tabId, shortId: visitor.short_id }),
          t('watchAdded', visitorLabel(visitor)),
        );

  /** A customer found with the popup's search, watched by that search. */
  const addFound = (visitor: Visitor, query: string) =>
    change(
      visitor.short_id,
      () => send({ type: 'watch/add-found', shortId: visitor.short_id, query }),
      t('watchAdded', visitorLabel(visitor)),
    );

  const remove = (id: string, name: string) =>
    change(id, () => send({ type: 'watch/remove', id }), t('watchRemoved', name));

  return {
    list,
    busy,
    error,
    /** Whether the card of this visitor offers to notify (a ticket's offline customer, setting on). */
    offered: tabId !== null && list?.enabled === true,
    /** Whether a search's offline results offer it: only a search that names one customer. */
    offeredFor: (query: string) => list?.enabled === true && strongSearch(query) !== null,
    watched: (id: string) => list?.entries.some((entry) => entry.id === id) ?? false,
    add,
    addFound,
    remove,
  };
}

export type WatchListHook = ReturnType<typeof useWatchList>;
