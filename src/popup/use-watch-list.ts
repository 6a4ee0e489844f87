import { useEffect, useState } from 'preact/hooks';
import { t } from '../wording/i18n';
import { send, type ErrorInfo, type Visitor, type WatchListReply } from '../shared/page-send';
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

  async function add(visitor: Visitor) {
    if (tabId === null || busy) return;
    const id = visitor.short_id;
    setBusy(id);
    setError(null);
    const reply = await send({ type: 'watch/add', tabId, shortId: id });
    setBusy(null);
    if (!reply.ok) {
      setError({ id, error: reply.error });
      return;
    }
    setList(reply.data);
    say(t('watchAdded', visitorLabel(visitor)));
  }

  /** A customer found with the popup's search, watched by that search. */
  async function addFound(visitor: Visitor, query: string) {
    if (busy) return;
    const id = visitor.short_id;
    setBusy(id);
    setError(null);
    const reply = await send({ type: 'watch/add-found', shortId: id, query });
    setBusy(null);
    if (!reply.ok) {
      setError({ id, error: reply.error });
      return;
    }
    setList(reply.data);
    say(t('watchAdded', visitorLabel(visitor)));
  }

  async function remove(id: string, name: string) {
    if (busy) return;
    setBusy(id);
    setError(null);
    const reply = await send({ type: 'watch/remove', id });
    setBusy(null);
    if (!reply.ok) {
      setError({ id, error: reply.error });
      return;
    }
    setList(reply.data);
    say(t('watchRemoved', name));
  }

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
