import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { t } from '../wording/i18n';
import { errorText } from '../wording/errors';
import type { Visitor } from '../shared/page-send';
import { Notice } from '../ui/notice';
import { ago, presenceOf, visitorLabel } from '../wording/visitor';
import type { WatchListHook } from './use-watch-list';

/** On an offline customer's card: ask to be told when they are back, or stop asking. */
export function WatchButton({
  visitor,
  watch,
  query,
}: {
  visitor: Visitor;
  watch: WatchListHook;
  /** A search's result: watched by that search rather than by the ticket. */
  query?: string;
}) {
  const offered = query === undefined ? watch.offered : watch.offeredFor(query);
  if (!offered || presenceOf(visitor) !== 'offline') return null;
  const id = visitor.short_id;
  const error = watch.error?.id === id ? watch.error.error : null;
  const watched = watch.watched(id);
  return (
    <div class="watch" data-testid="watch">
      {watched ? (
        <p class="why">
          {t('watchWatching')}{' '}
          <button
            type="button"
            class="link"
            disabled={watch.busy === id}
            onClick={() => void watch.remove(id, visitorLabel(visitor))}
          >
            {t('watchStop')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          class="primary"
          disabled={watch.busy === id}
          onClick={() =>
            void (query === undefined ? watch.add(visitor) : watch.addFound(visitor, query))
          }
        >
          {t('watchAdd')}
        </button>
      )}
      {error && <Notice tone="error" alert inline text={errorText(error)} />}
    </div>
  );
}

/** Who the agent waits for: name, ticket, since when (or back now), and a way to stop. */
export function WatchList({ watch }: { watch: WatchListHook }) {
  const entries = watch.list?.entries ?? [];
  if (entries.length === 0) return null;
  return (
    <section class="watch-list" aria-labelledby="watch-title">
      <h2 id="watch-title">{t('watchListTitle', entries.length)}</h2>
      <ul>
        {entries.map((entry) => {
          const ticket =
            entry.helpdesk === null
              ? t('watchFromSearch', entry.query)
              : [HELPDESK_NAMES[entry.helpdesk], entry.ticketId && `#${entry.ticketId}`]
                  .filter(Boolean)
                  .join(' · ');
          const since = ago(new Date(entry.addedAt).toISOString());
          return (
            <li key={entry.id} class={entry.back ? 'back' : undefined}>
              <span class="watch-who">
                <span class="watch-name">{entry.name}</span>
                <span class="muted">
                  {ticket}
                  {' · '}
                  {entry.back ? t('watchBack') : since && t('watchSince', since)}
                </span>
              </span>
              <button
                type="button"
                class="link"
                aria-label={t('watchRemoveLabel', entry.name)}
                disabled={watch.busy === entry.id}
                onClick={() => void watch.remove(entry.id, entry.name)}
              >
                {t('watchRemove')}
              </button>
            </li>
          );
        })}
      </ul>
      {watch.error && entries.some((e) => e.id === watch.error?.id) && (
        <Notice tone="error" alert inline text={errorText(watch.error.error)} />
      )}
    </section>
  );
}
