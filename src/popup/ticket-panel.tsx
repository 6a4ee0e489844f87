import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import type { HelpdeskId } from '../shared/helpdesks';
import type { Identities } from '../shared/identities';
import { isPossibleMatch } from '../shared/views';
import { plainName } from '../shared/plain-name';
import { t } from '../wording/i18n';
import type { TabState } from '../shared/page-send';
import { errorText } from '../wording/errors';
import { Notice } from '../ui/notice';
import { STATES } from '../wording/states';
import { ago } from '../wording/visitor';
import { AgentNotice } from './agent-notice';
import { openSettings, Skeleton, VisitorChoice, type Choice } from './choice';
import { setupProblem, ticketProblem, tiedLabel, type Entry } from './model';
import type { TabStateHook } from './use-tab-state';
import type { VisitorActions } from './use-visitor-actions';
import type { WatchListHook } from './use-watch-list';
import { WatchButton } from './watch-list';

/** A ticket's customer as the agent reads them: email, ids, code and name, in one line. */
export function identitiesText(ids: Identities, helpdesk: HelpdeskId): string {
  return [
    ids.email,
    ids.externalId && `id:${ids.externalId}`,
    ids.helpdeskUserId && t('helpdeskUserId', HELPDESK_NAMES[helpdesk], ids.helpdeskUserId),
    ids.lookupCode && t('lookupCodeChip', ids.lookupCode),
    ids.name,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Why a visitor matched, when only a name or a code from the ticket found them: anyone can write
 * those, so the agent checks before starting. Null for a match by an identity that proves it.
 */
export function matchNote(tab: TabState, entry: Entry): string | null {
  const ids = tab.identities;
  switch (entry.candidate?.matchedBy.kind) {
    case 'lookup_code':
      return ids.lookupCode ? t('matchWhyLookupCode', ids.lookupCode) : null;
    case 'name': {
      const name = ids.name && plainName(ids.name);
      return name ? t('matchWhyName', name) : null;
    }
    default:
      return null;
  }
}

function possibleFor(tab: TabState, shortId: string): boolean {
  return isPossibleMatch(tab.candidates.find((c) => c.shortId === shortId)?.matchedBy);
}

/** The helpdesk and ticket number the tab shows, e.g. "Zendesk · #7". */
export function ticketMeta(tab: TabState | null): string | null {
  if (!tab) return null;
  return [HELPDESK_NAMES[tab.helpdesk], tab.ticketId ? `#${tab.ticketId}` : null]
    .filter(Boolean)
    .join(' · ');
}

/**
 * How fresh the ticket's answer is, and a way to ask again. Not while a notice about the lookup
 * shows: that offers the one way forward (try again, the settings, or the time of the retry).
 */
export function Freshness({ tabState }: { tabState: TabStateHook }) {
  const { tab } = tabState;
  if (!tab || setupProblem(tabState.setup)) return null;
  if (tabState.refreshing) {
    return (
      <>
        <span class="spinner" aria-hidden="true" /> {t('checking')}
      </>
    );
  }
  if (ticketProblem(tab)) return null;
  const when = ago(new Date(tab.updatedAt).toISOString());
  return (
    <>
      {when && tab.visitors.length > 0 && t('updatedAgo', when)}{' '}
      <button type="button" class="link" onClick={() => void tabState.refresh()}>
        {t('refresh')}
      </button>
    </>
  );
}

/** The visitors matched to the ticket in the tab, or why there are none. */
export function TicketPanel(props: {
  tabState: TabStateHook;
  choice: Choice;
  actions: VisitorActions;
  watch: WatchListHook;
}) {
  const { tabState } = props;
  const { load, setup, tab } = tabState;
  if (load.phase === 'loading') return <Skeleton />;
  if (load.phase === 'failed') {
    return <Notice tone="error" text={errorText(load.error)} onRetry={tabState.retry} />;
  }
  const problem = setupProblem(setup);
  if (problem) {
    return (
      <Notice
        tone={problem.tone}
        title={problem.title}
        text={problem.text}
        onSettings={openSettings}
      />
    );
  }
  const agentNotice = <AgentNotice setup={setup} changed={() => void tabState.reread()} />;
  if (!tab) {
    return (
      <>
        {agentNotice}
        <div class="empty" data-testid="not-ticket">
          <p class="empty-title">{t('notTicketTitle')}</p>
          <p class="muted">{t('notTicketText')}</p>
        </div>
      </>
    );
  }
  const trouble = ticketProblem(tab);
  const notice = trouble && (
    <Notice
      tone={trouble.tone}
      text={trouble.text}
      onSettings={trouble.settings ? openSettings : undefined}
      onRetry={trouble.retry && !tabState.refreshing ? () => void tabState.refresh() : undefined}
    />
  );
  const count = tabState.entries.length;
  if (count === 0) {
    return (
      <>
        {agentNotice}
        {notice}
        {(!trouble || trouble.tone === 'info') && tab.view.state !== 'disabled' && (
          <div class="empty" data-testid="no-match">
            <p class="empty-title">{t(STATES.not_found.word)}</p>
            <p class="muted">
              {t('noMatchLookedFor', identitiesText(tab.identities, tab.helpdesk))}
            </p>
            <p class="muted">{t('noMatchHint')}</p>
          </div>
        )}
      </>
    );
  }
  return (
    <>
      {agentNotice}
      {notice}
      <VisitorChoice
        choice={props.choice}
        listLabel={tabState.ambiguous ? tiedLabel(tabState.tied, count) : t('matchesCount', count)}
        setup={setup}
        actions={props.actions}
        matchNote={(entry) => matchNote(tab, entry)}
        from="ticket"
        cardExtra={(visitor) =>
          // Only a customer the ticket proves may be watched: a notice must not name a stranger.
          possibleFor(tab, visitor.short_id) ? null : (
            <WatchButton visitor={visitor} watch={props.watch} />
          )
        }
      />
    </>
  );
}
