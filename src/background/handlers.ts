import browser from 'webextension-polyfill';
import type { ContentHandlers, PageHandlers, Setup, StartOutcome } from '../shared/protocol';
import { agentMissing } from '../shared/settings';
import { t, type MessageKey } from '../wording/i18n';
import { withApi } from './api-access';
import { startCobrowse } from './cobrowse';
import { endSession } from './session-end';
import { openPopupInstead } from './commands';
import { takePendingSearch } from './find-menu';
import {
  afterCredentialsChange,
  checkAndSaveKey,
  forgetKey,
  testConnection,
  verifyAndSaveKey,
} from './key-setup';
import { bindStoredKey, clearApiKey, keyStatus, originOf } from './key-store';
import { clearLookupCache, searchCached } from './lookup';
import { syncPresenceAlarm } from './presence';
import { Problem } from './problems';
import { rankVisitors } from './ranking';
import { loadManagedSettings, loadSettings, patchedSettings, saveSettings } from './settings-store';
import { getTabState, allTabStates, possibleMatch } from './tab-state';
import { clearToolbar } from './toolbar';
import { siteAt } from './custom-domains';
import { forgetReading, readingOf, recordReading } from './reading';
import { forgetTicket, refreshShownTicket, refreshTicket, setTicketVisible } from './ticket-tabs';
import { ticketAddress } from './session-request';
import { clearNotices } from './back-notice';
import { addWatched, addWatchedFound, removeWatched, watchListReply } from './watchlist';
import { agentProposal, declineAgent, recordAgent } from './helpdesk-agent';
import type { HelpdeskId } from '../shared/helpdesks';

/** Content scripts speak only about their own tab; the tab id comes from the sender, never the message. */
export const contentHandlers: ContentHandlers = {
  async 'ticket/identify'(message, tabId, url) {
    const state = await refreshTicket(
      tabId,
      {
        helpdesk: message.helpdesk,
        ticketId: message.ticketId ?? null,
        // The browser's word for where the ticket is, never the page's.
        ticketUrl: ticketAddress(url),
        identities: message.identities,
        visible: message.visible,
      },
      { push: false },
    );
    await syncPresenceAlarm();
    return state.view;
  },

  async 'ticket/visibility'(message, tabId) {
    const next = await setTicketVisible(tabId, message.visible);
    if (!next) return null;
    await syncPresenceAlarm();
    return next.view;
  },

  async 'ticket/left'(_message, tabId) {
    await forgetTicket(tabId);
    await forgetReading(tabId);
    await clearToolbar(tabId);
    await syncPresenceAlarm();
    return null;
  },

  async 'ticket/start-cobrowse'({ nonce }, tabId) {
    const state = await getTabState(tabId);
    // Only the view this tab was last given can start: not a forged one, nor one since replaced.
    if (!state?.view.nonce || nonce !== state.view.nonce) {
      throw new Problem('stale_view', 'errorStaleView');
    }
    const best = state.visitors[0];
    if (!best) throw new Problem('no_visitor', 'problemNoVisitor');
    if (state.ambiguous) {
      throw new Problem('ambiguous', 'problemAmbiguous');
    }
    // Found only by a name or a code from the ticket: the agent confirms in the popup first.
    if (possibleMatch(state)) throw new Problem('possible_match', 'problemPossibleMatch');
    if (!state.view.canStart) throw new Problem('unavailable', { worded: state.view.title });
    const outcome = await startCobrowse(best.short_id, tabId);
    return { opened: outcome.opened, said: t(OPENED_WORDS[outcome.opened]) };
  },

  async 'ticket/check-match'(_message, tabId) {
    const state = await getTabState(tabId);
    if (!state || !(possibleMatch(state) || state.ambiguous)) return null;
    const why = possibleMatch(state) ? t('problemPossibleMatch') : t('problemAmbiguous');
    await openPopupInstead(tabId, why);
    return null;
  },

  async 'ticket/open-settings'(_message, tabId) {
    // A page's own script could send this too: it opens them only while the badge says "Set up".
    const state = await getTabState(tabId);
    if (state?.view.opens !== 'settings') return null;
    await browser.runtime.openOptionsPage();
    return null;
  },

  async 'ticket/read'({ helpdesk, ticketId, from, ignored }, tabId) {
    await recordReading(tabId, { helpdesk, ticketId: ticketId ?? null, from, ignored });
    return null;
  },

  async 'site/which'(_message, _tabId, url) {
    return siteAt(url);
  },

  async 'ticket/agent'({ helpdesk, id, name }) {
    await recordAgent({ helpdesk, id, name });
    return null;
  },
};

/** The key the organisation's policy gives is not the agent's to replace or remove. */
async function refuseWhenKeyManaged(): Promise<void> {
  if ((await loadManagedSettings()).managed.key) throw new Problem('managed', 'problemManagedKey');
}

/** What stops co-browsing; `helpdesk`, the tab's, picks whose signed-in agent is offered. */
async function setup(helpdesk?: HelpdeskId | null): Promise<Setup> {
  const { settings, managed } = await loadManagedSettings();
  const key = await keyStatus(originOf(settings.apiBaseUrl));
  const fromHelpdesk = managed.agentIdentitySource === 'helpdesk';
  return {
    key,
    agentMissing: agentMissing(settings),
    agentFromHelpdesk: fromHelpdesk,
    agentProposal: await agentProposal(settings, fromHelpdesk, helpdesk),
    session: {
      permissionsPreset: settings.permissionsPreset,
      allowConsole: settings.allowConsole,
    },
  };
}

/** What the badge says once a session opened, by where it opened. */
const OPENED_WORDS = {
  current: 'badgeOpenedCurrent',
  focused: 'badgeOpenedFocused',
  tab: 'badgeOpenedTab',
  window: 'badgeOpenedWindow',
} as const satisfies Record<StartOutcome['opened'], MessageKey>;

export const pageHandlers: PageHandlers = {
  async 'tab/state'({ tabId, refresh }) {
    const state = refresh
      ? await refreshShownTicket(tabId, { push: true })
      : await getTabState(tabId);
    return { state, setup: await setup(state?.helpdesk) };
  },

  async 'visitors/search'({ query }) {
    const search = query.trim();
    if (!search) throw new Problem('empty_search', 'problemEmptySearch');
    const { freshnessSeconds } = await loadSettings();
    const visitors = await searchCached(search, freshnessSeconds * 1000, async () => true);
    const { candidates, ambiguous, tied } = rankVisitors(visitors, { kind: 'search' });
    const ranked = candidates.map((c) => visitors.find((v) => v.short_id === c.shortId)!);
    return { visitors: ranked, candidates, ambiguous, tied };
  },

  async 'visitor/details'({ shortId, withHistory }) {
    return withApi((api) => api.getVisitor(shortId, { withHistory }));
  },

  async 'visitor/forget'({ shortId }) {
    await withApi((api) => api.deleteVisitor(shortId));
    await clearLookupCache();
    const states = await allTabStates();
    await Promise.all(
      [...states]
        .filter(([, state]) => state.visitors.some((v) => v.short_id === shortId))
        .map(([tabId]) => refreshShownTicket(tabId, { push: true })),
    );
    return null;
  },

  async 'cobrowse/start'({ shortId, tabId, from }) {
    return startCobrowse(shortId, tabId, from);
  },

  async 'session/end'({ shortId }) {
    return endSession(shortId);
  },

  async 'settings/get'() {
    const { settings, managed } = await loadManagedSettings();
    return { settings, key: await keyStatus(originOf(settings.apiBaseUrl)), managed };
  },

  'setup/get': () => setup(),

  'tab/reading': ({ tabId }) => readingOf(tabId),

  'search/take-pending': () => takePendingSearch(),

  async 'settings/save'({ patch, apiKey }) {
    if (apiKey) await refuseWhenKeyManaged();
    const before = await loadSettings();
    // A key saved before keys were bound belongs to the endpoint saved until now.
    await bindStoredKey();
    const next = await patchedSettings(patch);
    const origin = originOf(next.apiBaseUrl);
    const moved = origin !== originOf(before.apiBaseUrl);
    // The key belongs to its endpoint's origin: a new one is checked against the new endpoint
    // (a refused key saves nothing), else moving to another origin removes every copy of the old
    // one before the new endpoint is stored.
    const keyCheck = apiKey ? await checkAndSaveKey(apiKey, next.apiBaseUrl) : null;
    if (moved && !keyCheck) await clearApiKey();
    const settings = await saveSettings(patch);
    if (settings.apiBaseUrl !== before.apiBaseUrl || keyCheck) await afterCredentialsChange();
    else if (settings.disabledHelpdesks.join() !== before.disabledHelpdesks.join()) {
      const states = await allTabStates();
      await Promise.all([...states.keys()].map((id) => refreshShownTicket(id, { push: true })));
    }
    await syncPresenceAlarm();
    const { managed } = await loadManagedSettings();
    return { settings, key: await keyStatus(origin), keyCheck, managed };
  },

  async 'key/save'({ apiKey }) {
    await refuseWhenKeyManaged();
    return verifyAndSaveKey(apiKey);
  },

  async 'key/clear'() {
    await refuseWhenKeyManaged();
    return forgetKey();
  },

  async 'connection/test'() {
    return testConnection();
  },

  async 'watch/add'({ tabId, shortId }) {
    const entries = await addWatched(tabId, shortId);
    // Watching keeps the presence alarm running, also with no ticket in view.
    await syncPresenceAlarm();
    return watchListReply(entries);
  },

  async 'watch/add-found'({ shortId, query }) {
    const entries = await addWatchedFound(shortId, query);
    await syncPresenceAlarm();
    return watchListReply(entries);
  },

  async 'watch/list'() {
    return watchListReply();
  },

  async 'watch/remove'({ id }) {
    const entries = await removeWatched(id);
    await clearNotices(id);
    await syncPresenceAlarm();
    return watchListReply(entries);
  },

  async 'agent/decline'({ helpdesk, id }) {
    await declineAgent(helpdesk, id);
    return setup(helpdesk);
  },
};
