import { useState } from 'preact/hooks';
import { t } from '../wording/i18n';
import type { Say } from './app';
import { send, type ErrorInfo, type Visitor } from '../shared/page-send';
import { entriesOf, type Entry } from './model';

export type Search =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'done'; query: string; entries: Entry[]; ambiguous: boolean; tied: number }
  | { status: 'error'; query: string; error: ErrorInfo };

/**
 * A search for visitors by what the agent typed. `say` announces progress; `onReset` runs when
 * the results are replaced or cleared (a pending question about one of them no longer applies).
 */
export function useSearch(say: Say, onReset: () => void) {
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [text, setText] = useState('');
  /** The visitor the agent picked among the results. */
  const [pick, setPick] = useState<string | null>(null);

  async function run(query: string) {
    if (!query) {
      say(t('searchEmpty'));
      return;
    }
    setSearch({ status: 'loading', query });
    setPick(null);
    onReset();
    say(t('searching'), true);
    const reply = await send({ type: 'visitors/search', query });
    if (!reply.ok) {
      setSearch({ status: 'error', query, error: reply.error });
      say('');
      return;
    }
    const found = entriesOf(reply.data.visitors, reply.data.candidates);
    const { ambiguous, tied } = reply.data;
    setSearch({ status: 'done', query, entries: found, ambiguous, tied });
    // The results (or the empty box) show it: said for screen readers only.
    say(found.length ? t('searchFound', found.length) : t('searchNone', query), true);
  }

  return {
    search,
    active: search.status !== 'idle',
    entries: search.status === 'done' ? search.entries : [],
    ambiguous: search.status === 'done' && search.ambiguous,
    text,
    setText,
    pick,
    setPick,
    run,
    clear() {
      setSearch({ status: 'idle' });
      setText('');
      setPick(null);
      onReset();
      say('');
    },
    /** Shows a visitor in the results as they are now (after their session was ended). */
    replace(visitor: Visitor) {
      if (search.status === 'done') {
        setSearch({
          ...search,
          entries: search.entries.map((e) =>
            e.visitor.short_id === visitor.short_id ? { ...e, visitor } : e,
          ),
        });
      }
    },
    /** Takes a forgotten visitor out of the results. */
    drop(shortId: string) {
      if (search.status === 'done') {
        setSearch({
          ...search,
          entries: search.entries.filter((e) => e.visitor.short_id !== shortId),
        });
      }
    },
  };
}

export type SearchHook = ReturnType<typeof useSearch>;
