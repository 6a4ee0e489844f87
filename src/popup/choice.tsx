import browser from 'webextension-polyfill';
import { t } from '../wording/i18n';
import type { ComponentChildren } from 'preact';
import type { Setup, Visitor } from '../shared/page-send';
import { VisitorCard } from './card';
import { VisitorList } from './list';
import { sessionLine, startBlocker, type Entry } from './model';
import type { StartFrom, VisitorActions } from './use-visitor-actions';

export function openSettings(): void {
  void browser.runtime.openOptionsPage();
}

/** What shows while the first answer is on its way, shaped like the card that replaces it. */
export function Skeleton() {
  return (
    <div class="card skeleton" aria-hidden="true">
      <span class="bar w60 tall" />
      <span class="bar w40" />
      <span class="bar w30 pill" />
      <span class="bar w80" />
      <span class="bar w70" />
      <span class="bar w50" />
      <span class="bar w100 button" />
    </div>
  );
}

/** Which visitors there are to choose from, as the search box drives it. */
export interface Choice {
  entries: Entry[];
  selected: string | null;
  /** The list shows only when there is more than one to choose from. */
  listShown: boolean;
  onPick(shortId: string): void;
}

/** The list of matches (when there are several) and the card of the one selected. */
export function VisitorChoice(props: {
  choice: Choice;
  listLabel: string;
  setup: Setup | null;
  actions: VisitorActions;
  /** What a possible match was found by, shown above its Start button. */
  matchNote?: (entry: Entry) => string | null;
  /** The ticket's visitors, or a search's (whose sessions carry no ticket). */
  from: StartFrom;
  /** More the card offers for its visitor (on a ticket: notify when they are back). */
  cardExtra?: (visitor: Visitor) => ComponentChildren;
}) {
  const { choice, actions } = props;
  const entry = choice.entries.find((e) => e.visitor.short_id === choice.selected) ?? null;
  let card = null;
  if (entry) {
    const { visitor } = entry;
    const id = visitor.short_id;
    card = (
      <VisitorCard
        key={id}
        visitor={visitor}
        blocker={startBlocker(visitor, props.setup)}
        matchNote={props.matchNote?.(entry) ?? null}
        starting={actions.starting === id}
        startError={actions.startError?.id === id ? actions.startError.error : null}
        started={actions.started?.id === id ? actions.started.at : null}
        onGoToSession={() => void actions.goToSession()}
        sessionLine={sessionLine(props.setup)}
        confirmingForget={actions.confirmForget === id}
        forgetting={actions.forgetting}
        forgetError={actions.confirmForget === id ? actions.forgetError : null}
        confirmingEnd={actions.confirmEnd === id}
        ending={actions.ending}
        endError={actions.confirmEnd === id ? actions.endError : null}
        detailsButton={actions.detailsButton}
        onStart={() => void actions.start(visitor, props.from)}
        onDetails={() => void actions.openDetails(visitor)}
        onForget={() => actions.toggleForget(id)}
        onConfirmForget={() => void actions.forget(visitor)}
        onCancelForget={actions.cancelForget}
        onEnd={() => actions.toggleEnd(id)}
        onConfirmEnd={() => void actions.endSession(visitor)}
        onCancelEnd={actions.cancelEnd}
        onOpenSettings={openSettings}
      >
        {props.cardExtra?.(visitor)}
      </VisitorCard>
    );
  } else if (choice.entries.length > 1) {
    card = <p class="choose muted">{t('chooseVisitor')}</p>;
  }
  return (
    <>
      {choice.listShown && (
        <VisitorList
          entries={choice.entries}
          selected={choice.selected}
          label={props.listLabel}
          onPick={choice.onPick}
        />
      )}
      {card}
    </>
  );
}
