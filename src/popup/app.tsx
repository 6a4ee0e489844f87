import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../wording/i18n';
import { boot } from './boot';
import { openSettings, type Choice } from './choice';
import { VisitorDetails } from './details';
import { moveSelection, selectedId, setupProblem } from './model';
import { ReadingPanel } from './reading';
import { SearchBox } from './search-box';
import { SearchPanel } from './search-panel';
import { Freshness, TicketPanel, ticketMeta } from './ticket-panel';
import { canOpenPanel, currentWindowId, openPanel } from './side-panel';
import { useSearch } from './use-search';
import { useTabState, type Boot, type TabWatch } from './use-tab-state';
import { useVisitorActions } from './use-visitor-actions';
import { useWatchList } from './use-watch-list';
import { WatchList } from './watch-list';

/** What the live line says; `onlyHeard` when the page already shows it. */
export type Say = (text: string, onlyHeard?: boolean) => void;

/** Where the page is shown: the toolbar popup, or the side panel (Firefox: sidebar). */
export type Place = 'popup' | 'panel';

/**
 * The popup and the side panel: the search box over the ticket's visitors or the search results,
 * the details of one visitor, and a live line that says what happened. The tab it speaks about
 * comes in `start`; in the panel, `follow` moves it along with the active tab.
 */
export function App({ start, place, follow }: { start: Boot; place: Place; follow?: TabWatch }) {
  const [status, setStatus] = useState({ text: '', shown: true });
  /**
   * Says something in the live line. `onlyHeard`: the page shows it already (the results, the
   * card's reason), so it is said to screen readers only and never printed twice.
   */
  const say: Say = (text, onlyHeard = false) => setStatus({ text, shown: !onlyHeard });
  const input = useRef<HTMLInputElement>(null);
  const tabState = useTabState(start, say, follow);
  const actions = useVisitorActions({
    tabId: tabState.tabId,
    setup: tabState.setup,
    say,
    onForgotten(visitor) {
      searchState.drop(visitor.short_id);
      input.current?.focus();
      // The worker has already looked the ticket up again without this visitor.
      void tabState.reread();
    },
    onSessionEnded(visitor) {
      searchState.replace(visitor);
      // The session's buttons are gone: the keyboard carries on from the search box.
      input.current?.focus();
      // The worker has already shown the ticket's visitors out of the session.
      void tabState.reread();
    },
  });
  const searchState = useSearch(say, actions.cancelForget);
  const watch = useWatchList(tabState.tabId, say);

  useEffect(() => input.current?.focus(), []);
  // Opened by "Find in Upscope" on some page: that selection is the search, shown in the box so
  // the agent sees (and may change) exactly what was searched.
  useEffect(() => {
    void start.search?.then((query) => {
      if (query === null) return;
      searchState.setText(query);
      void searchState.run(query);
    });
  }, []);

  // Another ticket came into view (the panel followed the agent): what was picked, opened or
  // about to be forgotten belonged to the one before. The live line says what is shown now.
  const seenTicket = useRef<string | null>(null);
  const loaded = tabState.load.phase !== 'loading';
  useEffect(() => {
    if (!loaded) return;
    const before = seenTicket.current;
    seenTicket.current = tabState.ticket;
    if (before === null || before === tabState.ticket) return;
    tabState.setPick(null);
    actions.cancelForget();
    if (actions.details) actions.closeDetails();
    const meta = ticketMeta(tabState.tab);
    say(meta ? t('panelNowShowing', meta) : t('notTicketTitle'), true);
  }, [tabState.ticket, loaded]);

  /** Asked before any click: the panel must open within the click itself. */
  const [windowId, setWindowId] = useState<number | null>(null);
  const panelOffered = place === 'popup' && canOpenPanel();
  useEffect(() => {
    if (panelOffered) void currentWindowId().then(setWindowId);
  }, []);

  function moveToPanel() {
    void openPanel(windowId).then((opened) => {
      if (opened) window.close();
      else say(t('panelNotOpened'));
    });
  }

  const searching = searchState.active;
  const list = searching ? searchState : tabState;
  const selected = selectedId(list.entries, list.ambiguous, list.pick);
  const choice: Choice = {
    entries: list.entries,
    selected,
    listShown: list.entries.length > 1 && (searching || !setupProblem(tabState.setup)),
    onPick(id) {
      pick(id);
      input.current?.focus();
    },
  };

  function pick(id: string | null) {
    list.setPick(id);
    actions.cancelForget();
  }

  function clearSearch() {
    searchState.clear();
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const { search, text } = searchState;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!choice.listShown) return;
      event.preventDefault();
      pick(moveSelection(list.entries, selected, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const query = text.trim();
      const last = search.status === 'idle' ? '' : search.query;
      const entry = list.entries.find((e) => e.visitor.short_id === selected);
      if (query && (query !== last || search.status === 'error')) void searchState.run(query);
      else if (search.status === 'loading') return;
      else if (entry) void actions.start(entry.visitor, searching ? 'search' : 'ticket');
      else if (list.entries.length > 1) say(t('chooseFirst'));
    } else if (event.key === 'Escape' && (searching || text)) {
      event.preventDefault();
      clearSearch();
    }
  }

  const { details } = actions;
  const meta = ticketMeta(tabState.tab);
  return (
    <div class={`popup place-${place}`}>
      <header class="top">
        <h1>
          <img src="/icons/icon-32.png" alt="" width={20} height={20} />
          {t('popupTitle')}
        </h1>
        <div class="top-actions">
          {panelOffered && <IconButton glyph="◨" label={t('openInPanel')} onClick={moveToPanel} />}
          <IconButton glyph="⚙" label={t('openSettings')} onClick={openSettings} />
        </div>
      </header>

      {details ? (
        <main class="content">
          <VisitorDetails
            visitor={details.visitor}
            load={details.load}
            heading={actions.detailsHeading}
            onBack={actions.closeDetails}
            onRetry={() => void actions.openDetails(details.visitor)}
          />
        </main>
      ) : (
        <>
          <SearchBox
            text={searchState.text}
            inputRef={input}
            listShown={choice.listShown}
            activeIndex={list.entries.findIndex((e) => e.visitor.short_id === selected)}
            onText={searchState.setText}
            onSubmit={(query) => void searchState.run(query)}
            onKeyDown={onKeyDown}
          />

          <main class="content">
            <section class="context" aria-labelledby="context-title">
              <div class="context-head">
                {searching ? (
                  <>
                    <h2 id="context-title">{t('searchResults')}</h2>
                    <button type="button" class="link" onClick={clearSearch}>
                      {tabState.tab ? t('backToTicket') : t('clearSearch')}
                    </button>
                  </>
                ) : (
                  <>
                    {/* The ticket itself names the section: one short line above its customer. */}
                    <h2 id="context-title">
                      {meta ? (
                        <>
                          <span class="visually-hidden">{t('thisTicket')}: </span>
                          <span class="context-meta">{meta}</span>
                        </>
                      ) : (
                        t('thisTicket')
                      )}
                    </h2>
                    <p class="freshness">
                      <Freshness tabState={tabState} />
                    </p>
                  </>
                )}
              </div>
              {!searching && tabState.kept && (
                <p class="kept" data-testid="kept-ticket">
                  {t('panelKeptTicket')}
                </p>
              )}
              <div class="slot">
                {searching ? (
                  <SearchPanel
                    searchState={searchState}
                    setup={tabState.setup}
                    choice={choice}
                    actions={actions}
                    setupChanged={() => void tabState.reread()}
                    watch={watch}
                  />
                ) : (
                  <TicketPanel
                    tabState={tabState}
                    choice={choice}
                    actions={actions}
                    watch={watch}
                  />
                )}
              </div>
            </section>
            <WatchList watch={watch} />
            <ReadingPanel tabId={tabState.tabId} />
          </main>
        </>
      )}
      <p class={status.shown ? 'status' : 'status visually-hidden'} role="status">
        {status.text}
      </p>
    </div>
  );
}

export function startPopup(root: HTMLElement, search: string): void {
  render(<App place="popup" start={boot(search)} />, root);
}

/** A header button shown as a glyph; its words are its name and its tooltip. */
function IconButton(props: { glyph: string; label: string; onClick(): void }) {
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={props.label}
      title={props.label}
      onClick={props.onClick}
    >
      <span aria-hidden="true">{props.glyph}</span>
    </button>
  );
}
