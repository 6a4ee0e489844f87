import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Reply } from '../shared/views';
import { HELPDESK_NAMES } from '../ui/helpdesk-names';
import { t } from '../wording/i18n';
import {
  send,
  type ErrorInfo,
  type Setup,
  type TabState,
  type TabStateReply,
  type Visitor,
} from '../shared/page-send';
import { canRetry, errorText, needsSettings } from '../wording/errors';
import { ago, visitorLabel } from '../wording/visitor';
import { VisitorCard } from './card';
import { VisitorDetails, type DetailsLoad } from './details';
import { LIST_ID, optionId, VisitorList } from './list';
import {
  entriesOf,
  moveSelection,
  selectedId,
  setupProblem,
  startBlocker,
  ticketProblem,
  type Entry,
} from './model';

/** The tab the popup speaks about: `?tab=` when given (tests, a pinned popup), else the active tab. */
export function readTabParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2 ** 31 ? id : null;
}

async function currentTabId(search: string): Promise<number | null> {
  const fromParam = readTabParam(search);
  if (fromParam !== null) return fromParam;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/** Without a tab (a popup over an empty window) the setup still has to be known. */
async function setupOnly(): Promise<Reply<TabStateReply>> {
  const reply = await send({ type: 'settings/get' });
  if (!reply.ok) return reply;
  const { settings, key } = reply.data;
  // The worker's agentMissing rule (shared/settings), without bringing zod into the popup.
  const agentMissing = !settings.agentName || !settings.agentId;
  return { ok: true, data: { state: null, setup: { key, agentMissing } } };
}

export interface Boot {
  tabId: Promise<number | null>;
  /** The worker's stored answer for the tab: no network, so the cached visitor shows at once. */
  cached: Promise<Reply<TabStateReply>>;
}

/** Starts the first question before anything renders, so the answer is not held up by painting. */
export function boot(search: string): Boot {
  const tabId = currentTabId(search);
  const cached = tabId.then((id) =>
    id === null ? setupOnly() : send({ type: 'tab/state', tabId: id, refresh: false }),
  );
  return { tabId, cached };
}

type Load =
  | { phase: 'loading' }
  | { phase: 'ready'; tab: TabState | null; setup: Setup }
  | { phase: 'failed'; error: ErrorInfo };

type Search =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'done'; query: string; entries: Entry[]; ambiguous: boolean }
  | { status: 'error'; query: string; error: ErrorInfo };

const OPENED_KEYS = {
  tab: 'openedTab',
  window: 'openedWindow',
  current: 'openedCurrent',
  focused: 'openedFocused',
} as const;

function openSettings(): void {
  void browser.runtime.openOptionsPage();
}

function Skeleton() {
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

function Notice(props: {
  tone: 'error' | 'warn' | 'info';
  title?: string;
  text: string;
  alert?: boolean;
  onRetry?: (() => void) | undefined;
  settings?: boolean;
}) {
  const icon = props.tone === 'info' ? 'i' : '!';
  return (
    <div class={`notice ${props.tone}`} role={props.alert ? 'alert' : undefined}>
      <span class="icon" aria-hidden="true">
        {icon}
      </span>
      <div class="body">
        {props.title && <p class="notice-title">{props.title}</p>}
        <p>{props.text}</p>
        {(props.onRetry || props.settings) && (
          <div class="actions">
            {props.settings && (
              <button type="button" onClick={openSettings}>
                {t('openSettings')}
              </button>
            )}
            {props.onRetry && (
              <button type="button" onClick={props.onRetry}>
                {t('tryAgain')}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function identitiesText(tab: TabState): string {
  const ids = tab.identities;
  return [
    ids.email,
    ids.externalId && `id:${ids.externalId}`,
    ids.helpdeskUserId && t('helpdeskUserId', HELPDESK_NAMES[tab.helpdesk], ids.helpdeskUserId),
    ids.lookupCode && t('lookupCodeChip', ids.lookupCode),
    ids.name,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function Popup({ start }: { start: Boot }) {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [text, setText] = useState('');
  const [ticketPick, setTicketPick] = useState<string | null>(null);
  const [searchPick, setSearchPick] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const [startError, setStartError] = useState<{ id: string; error: ErrorInfo } | null>(null);
  const [confirmForget, setConfirmForget] = useState<string | null>(null);
  const [forgetting, setForgetting] = useState(false);
  const [forgetError, setForgetError] = useState<ErrorInfo | null>(null);
  const [details, setDetails] = useState<{ visitor: Visitor; load: DetailsLoad } | null>(null);
  const [status, setStatus] = useState('');

  const input = useRef<HTMLInputElement>(null);
  const detailsButton = useRef<HTMLButtonElement>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);

  function applyTabReply(reply: Reply<TabStateReply>, keepOnError: boolean) {
    if (reply.ok) setLoad({ phase: 'ready', tab: reply.data.state, setup: reply.data.setup });
    else if (!keepOnError) setLoad({ phase: 'failed', error: reply.error });
    else setStatus(errorText(reply.error));
  }

  async function refresh(id: number | null) {
    if (id === null) return;
    setRefreshing(true);
    const reply = await send({ type: 'tab/state', tabId: id, refresh: true });
    setRefreshing(false);
    applyTabReply(reply, true);
  }

  useEffect(() => {
    input.current?.focus();
    void (async () => {
      const id = await start.tabId;
      setTabId(id);
      const cached = await start.cached;
      applyTabReply(cached, false);
      // Only a ticket tab has anything to look up again.
      if (cached.ok && cached.data.state) await refresh(id);
    })();
  }, []);

  useEffect(() => {
    if (details && details.load.status !== 'done') detailsHeading.current?.focus();
    if (!details && returnFocus.current) detailsButton.current?.focus();
    returnFocus.current = false;
  }, [details === null, details?.visitor.short_id]);

  const ready = load.phase === 'ready' ? load : null;
  const setup = ready?.setup ?? null;
  const tab = ready?.tab ?? null;
  const problem = setupProblem(setup);

  const ticketEntries = useMemo(() => (tab ? entriesOf(tab.visitors, tab.candidates) : []), [tab]);
  const searching = search.status !== 'idle';
  const entries = searching ? (search.status === 'done' ? search.entries : []) : ticketEntries;
  const ambiguous = searching
    ? search.status === 'done' && search.ambiguous
    : (tab?.ambiguous ?? false);
  const selected = selectedId(entries, ambiguous, searching ? searchPick : ticketPick);
  const selectedEntry = entries.find((e) => e.visitor.short_id === selected) ?? null;
  const listShown = entries.length > 1 && (searching || !problem);
  const selectedIndex = entries.findIndex((e) => e.visitor.short_id === selected);

  function pick(id: string | null) {
    if (searching) setSearchPick(id);
    else setTicketPick(id);
    setConfirmForget(null);
    setForgetError(null);
  }

  async function runSearch(query: string) {
    if (!query) {
      setStatus(t('searchEmpty'));
      return;
    }
    setSearch({ status: 'loading', query });
    setSearchPick(null);
    setConfirmForget(null);
    setStatus(t('searching'));
    const reply = await send({ type: 'visitors/search', query });
    if (!reply.ok) {
      setSearch({ status: 'error', query, error: reply.error });
      setStatus('');
      return;
    }
    const found = entriesOf(reply.data.visitors, reply.data.candidates);
    setSearch({ status: 'done', query, entries: found, ambiguous: reply.data.ambiguous });
    setStatus(found.length ? t('searchFound', found.length) : t('searchNone', query));
  }

  function clearSearch() {
    setSearch({ status: 'idle' });
    setText('');
    setSearchPick(null);
    setConfirmForget(null);
    setStatus('');
    input.current?.focus();
  }

  async function startWith(visitor: Visitor) {
    const blocker = startBlocker(visitor, setup);
    if (blocker) {
      setStatus(blocker);
      return;
    }
    if (starting) return;
    setStarting(visitor.short_id);
    setStartError(null);
    setStatus(t('startingWith', visitorLabel(visitor)));
    const reply = await send({
      type: 'cobrowse/start',
      shortId: visitor.short_id,
      ...(tabId !== null ? { tabId } : {}),
    });
    setStarting(null);
    if (reply.ok) {
      setStatus(t(OPENED_KEYS[reply.data.opened] ?? 'openedTab', visitorLabel(visitor)));
    } else {
      setStartError({ id: visitor.short_id, error: reply.error });
      setStatus('');
    }
  }

  async function forget(visitor: Visitor) {
    setForgetting(true);
    setForgetError(null);
    const reply = await send({ type: 'visitor/forget', shortId: visitor.short_id });
    setForgetting(false);
    if (!reply.ok) {
      setForgetError(reply.error);
      return;
    }
    setConfirmForget(null);
    setStatus(t('forgotten', visitorLabel(visitor)));
    if (search.status === 'done') {
      setSearch({
        ...search,
        entries: search.entries.filter((e) => e.visitor.short_id !== visitor.short_id),
      });
    }
    input.current?.focus();
    // The worker has already looked the ticket up again without this visitor.
    if (tabId !== null)
      applyTabReply(await send({ type: 'tab/state', tabId, refresh: false }), true);
  }

  async function openDetails(visitor: Visitor) {
    setStatus('');
    setDetails({ visitor, load: { status: 'loading' } });
    const reply = await send({
      type: 'visitor/details',
      shortId: visitor.short_id,
      withHistory: true,
    });
    setDetails((current) =>
      current?.visitor.short_id !== visitor.short_id
        ? current
        : {
            visitor,
            load: reply.ok
              ? { status: 'done', visitor: reply.data }
              : { status: 'error', error: reply.error },
          },
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!listShown) return;
      event.preventDefault();
      pick(moveSelection(entries, selected, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const query = text.trim();
      const last = search.status === 'idle' ? '' : search.query;
      if (query && (query !== last || search.status === 'error')) void runSearch(query);
      else if (search.status === 'loading') return;
      else if (selectedEntry) void startWith(selectedEntry.visitor);
      else if (entries.length > 1) setStatus(t('chooseFirst'));
    } else if (event.key === 'Escape' && (searching || text)) {
      event.preventDefault();
      clearSearch();
    }
  }

  function renderCard(entry: Entry | null) {
    if (!entry) {
      return entries.length > 1 ? <p class="choose muted">{t('chooseVisitor')}</p> : null;
    }
    const { visitor } = entry;
    const id = visitor.short_id;
    return (
      <VisitorCard
        key={id}
        visitor={visitor}
        blocker={startBlocker(visitor, setup)}
        starting={starting === id}
        startError={startError?.id === id ? startError.error : null}
        confirmingForget={confirmForget === id}
        forgetting={forgetting}
        forgetError={confirmForget === id ? forgetError : null}
        detailsButton={detailsButton}
        onStart={() => void startWith(visitor)}
        onDetails={() => void openDetails(visitor)}
        onForget={() => {
          setForgetError(null);
          setConfirmForget(confirmForget === id ? null : id);
        }}
        onConfirmForget={() => void forget(visitor)}
        onCancelForget={() => {
          setConfirmForget(null);
          setForgetError(null);
        }}
        onOpenSettings={openSettings}
      />
    );
  }

  function renderList(label: string) {
    if (!listShown) return null;
    return (
      <VisitorList
        entries={entries}
        selected={selected}
        label={label}
        onPick={(id) => {
          pick(id);
          input.current?.focus();
        }}
      />
    );
  }

  function renderTicket() {
    if (load.phase === 'loading') return <Skeleton />;
    if (load.phase === 'failed') {
      return (
        <Notice
          tone="error"
          text={errorText(load.error)}
          onRetry={() => {
            setLoad({ phase: 'loading' });
            void start.cached.then(() =>
              tabId === null
                ? setupOnly().then((r) => applyTabReply(r, false))
                : send({ type: 'tab/state', tabId, refresh: true }).then((r) =>
                    applyTabReply(r, false),
                  ),
            );
          }}
        />
      );
    }
    if (problem) {
      return <Notice tone={problem.tone} title={problem.title} text={problem.text} settings />;
    }
    const agentNotice = setup?.agentMissing ? (
      <Notice tone="warn" text={t('agentMissing')} settings />
    ) : null;
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
        settings={trouble.settings}
        onRetry={trouble.retry && !refreshing ? () => void refresh(tabId) : undefined}
      />
    );
    if (ticketEntries.length === 0) {
      return (
        <>
          {agentNotice}
          {notice}
          {(!trouble || trouble.tone === 'info') && tab.view.state !== 'disabled' && (
            <div class="empty" data-testid="no-match">
              <p class="empty-title">{t('noMatchTitle')}</p>
              <p class="muted">{t('noMatchLookedFor', identitiesText(tab))}</p>
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
        {renderList(
          ambiguous
            ? t('matchesAmbiguous', ticketEntries.length)
            : t('matchesCount', ticketEntries.length),
        )}
        {renderCard(selectedEntry)}
      </>
    );
  }

  function renderSearch() {
    if (search.status === 'idle') return null;
    if (search.status === 'loading') return <Skeleton />;
    if (search.status === 'error') {
      const { error } = search;
      return (
        <Notice
          tone={error.kind === 'rate_limited' ? 'warn' : 'error'}
          text={errorText(error)}
          alert
          settings={needsSettings(error.kind)}
          onRetry={canRetry(error.kind) ? () => void runSearch(search.query) : undefined}
        />
      );
    }
    if (search.entries.length === 0) {
      return (
        <div class="empty" data-testid="no-results">
          <p class="empty-title">{t('searchNone', search.query)}</p>
          <p class="muted">{t('searchNoneHint')}</p>
        </div>
      );
    }
    return (
      <>
        {setup?.agentMissing && <Notice tone="warn" text={t('agentMissing')} settings />}
        {renderList(
          search.ambiguous
            ? t('matchesAmbiguous', search.entries.length)
            : t('resultsCount', search.entries.length),
        )}
        {renderCard(selectedEntry)}
      </>
    );
  }

  function freshness() {
    if (searching || !tab || problem) return null;
    if (refreshing) {
      return (
        <>
          <span class="spinner" aria-hidden="true" /> {t('checking')}
        </>
      );
    }
    const when = ago(new Date(tab.updatedAt).toISOString());
    return (
      <>
        {when && tab.visitors.length > 0 && t('updatedAgo', when)}{' '}
        <button type="button" class="link" onClick={() => void refresh(tabId)}>
          {t('refresh')}
        </button>
      </>
    );
  }

  const ticketMeta =
    tab &&
    [HELPDESK_NAMES[tab.helpdesk], tab.ticketId ? `#${tab.ticketId}` : null]
      .filter(Boolean)
      .join(' · ');

  return (
    <div class="popup">
      <header class="top">
        <h1>
          <img src="/icons/icon-32.png" alt="" width={20} height={20} />
          {t('popupTitle')}
        </h1>
        <button
          type="button"
          class="icon-button"
          aria-label={t('openSettings')}
          title={t('openSettings')}
          onClick={openSettings}
        >
          <span aria-hidden="true">⚙</span>
        </button>
      </header>

      {details ? (
        <main class="content">
          <VisitorDetails
            visitor={details.visitor}
            load={details.load}
            heading={detailsHeading}
            onBack={() => {
              returnFocus.current = true;
              setDetails(null);
            }}
            onRetry={() => void openDetails(details.visitor)}
          />
        </main>
      ) : (
        <>
          <form
            class="search"
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              void runSearch(text.trim());
            }}
          >
            <label for="search-input" class="search-label">
              {t('searchLabel')}
            </label>
            <div class="search-row">
              <input
                id="search-input"
                ref={input}
                type="search"
                role="combobox"
                list={undefined}
                aria-autocomplete="list"
                aria-expanded={listShown}
                aria-controls={listShown ? LIST_ID : undefined}
                aria-activedescendant={
                  listShown && selectedIndex >= 0 ? optionId(selectedIndex) : undefined
                }
                aria-describedby="search-hint"
                autocomplete="off"
                spellcheck={false}
                maxLength={256}
                placeholder={t('searchPlaceholder')}
                value={text}
                onInput={(event) => setText(event.currentTarget.value)}
                onKeyDown={onKeyDown}
              />
              <button type="submit">{t('search')}</button>
            </div>
            <p id="search-hint" class="hint">
              {t('searchHint')}
            </p>
          </form>

          <main class="content">
            <section class="context" aria-labelledby="context-title">
              <div class="context-head">
                <h2 id="context-title">{searching ? t('searchResults') : t('thisTicket')}</h2>
                {searching ? (
                  <button type="button" class="link" onClick={clearSearch}>
                    {tab ? t('backToTicket') : t('clearSearch')}
                  </button>
                ) : (
                  ticketMeta && <span class="context-meta">{ticketMeta}</span>
                )}
              </div>
              <p class="freshness">{freshness()}</p>
              <div class="slot">{searching ? renderSearch() : renderTicket()}</div>
            </section>
          </main>
        </>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}

export function startPopup(root: HTMLElement, search: string): void {
  const start = boot(search);
  render(<Popup start={start} />, root);
}
