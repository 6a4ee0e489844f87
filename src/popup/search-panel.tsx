import { canRetry, errorText, needsSettings } from '../wording/errors';
import { t } from '../wording/i18n';
import type { Setup } from '../shared/page-send';
import { Notice } from '../ui/notice';
import { AgentNotice } from './agent-notice';
import { openSettings, Skeleton, VisitorChoice, type Choice } from './choice';
import { tiedLabel } from './model';
import type { SearchHook } from './use-search';
import type { VisitorActions } from './use-visitor-actions';
import type { WatchListHook } from './use-watch-list';
import { WatchButton } from './watch-list';

/** The visitors a search found, or why it found none. */
export function SearchPanel(props: {
  searchState: SearchHook;
  setup: Setup | null;
  choice: Choice;
  actions: VisitorActions;
  /** The agent answered the offer of their helpdesk name and ID: the setup is read again. */
  setupChanged: () => void;
  watch: WatchListHook;
}) {
  const { search } = props.searchState;
  if (search.status === 'idle') return null;
  if (search.status === 'loading') return <Skeleton />;
  if (search.status === 'error') {
    const { error } = search;
    return (
      <Notice
        tone={error.kind === 'rate_limited' ? 'warn' : 'error'}
        text={errorText(error)}
        alert
        onSettings={needsSettings(error.kind) ? openSettings : undefined}
        onRetry={canRetry(error.kind) ? () => void props.searchState.run(search.query) : undefined}
      />
    );
  }
  const count = search.entries.length;
  if (count === 0) {
    return (
      <div class="empty" data-testid="no-results">
        <p class="empty-title">{t('searchNone', search.query)}</p>
        <p class="muted">{t('searchNoneHint')}</p>
      </div>
    );
  }
  return (
    <>
      <AgentNotice setup={props.setup} changed={props.setupChanged} />
      <VisitorChoice
        choice={props.choice}
        listLabel={search.ambiguous ? tiedLabel(search.tied, count) : t('resultsCount', count)}
        setup={props.setup}
        actions={props.actions}
        from="search"
        cardExtra={(visitor) => (
          <WatchButton visitor={visitor} watch={props.watch} query={search.query} />
        )}
      />
    </>
  );
}
