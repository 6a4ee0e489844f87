import browser from 'webextension-polyfill';
import { z } from 'zod';
import type { StartOutcome } from '../shared/protocol';
import { LOCALHOST } from '../shared/endpoint';
import { agentMissing, type Settings } from '../shared/settings';
import { isUpscopeApiError } from '../api';
import { withApi } from './api-access';
import { clearLookupCache } from './lookup';
import { Problem } from './problems';
import { watchRequestFor, type SessionTicket } from './session-request';
import { loadSettings } from './settings-store';
import { storageItem } from './storage-item';
import { getTabState } from './tab-state';

/** A second start for the same visitor within this time focuses the first one's tab instead. */
const REPEAT_WINDOW_MS = 10_000;
/** A start still marked as running after this long is treated as lost (the worker was stopped). */
const START_TIMEOUT_MS = 30_000;

const StartRecordSchema = z.object({
  at: z.number(),
  status: z.enum(['starting', 'started']),
  tabId: z.number().nullable(),
});
type StartRecord = z.infer<typeof StartRecordSchema>;

const record = (shortId: string) =>
  storageItem('session', `cobrowse:${shortId}`, StartRecordSchema.nullable(), () => null);

/**
 * Forgets that a session was just started for this visitor: after it was stopped, a start within
 * the repeat window must create a new session, not show the tab of the one that ended.
 */
export async function forgetStart(shortId: string): Promise<void> {
  await record(shortId).remove();
}

/** Starts in progress in this worker: a double click or a repeated shortcut joins the first. */
const running = new Map<string, Promise<StartOutcome>>();

export type { StartOutcome };

/** Where Upscope and UserView serve their watch pages: these domains and their subdomains. */
const WATCH_DOMAINS = ['upscope.io', 'upscope.com', 'userview.io'];
/** Second-level labels under a country code that are public suffixes (co.uk, com.au, …). */
const COUNTRY_SECOND_LEVEL = /^(ac|co|com|edu|gov|ltd|ne|net|or|org|plc)$/;

/**
 * The registrable domain of a host, near enough without the public suffix list: its last two
 * labels, or three under a country code's public second level. IP addresses and single labels
 * stand for themselves.
 */
function siteOf(host: string): string {
  const labels = host.split('.');
  if (labels.length < 2 || /^[\d.]+$/.test(host) || host.includes(':')) return host;
  const country = labels.length > 2 && labels.at(-1)!.length === 2;
  const take = country && COUNTRY_SECOND_LEVEL.test(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * The watch URL when it may be opened: https on an Upscope or UserView host, or on the configured
 * API endpoint's own site (plain http only for an API on this machine). Otherwise null.
 */
export function trustedWatchUrl(raw: string, apiBaseUrl: string): string | null {
  let url: URL;
  let api: URL;
  try {
    url = new URL(raw);
    api = new URL(apiBaseUrl);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const host = url.hostname.toLowerCase();
  const https = url.protocol === 'https:';
  if (https && WATCH_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))) return url.href;
  const local = url.protocol === 'http:' && api.protocol === 'http:' && LOCALHOST.has(host);
  return (https || local) && siteOf(host) === siteOf(api.hostname.toLowerCase()) ? url.href : null;
}

async function openWatchUrl(
  url: string,
  settings: Settings,
  besideTabId: number | undefined,
): Promise<StartOutcome> {
  if (settings.openIn === 'window') {
    const window = await browser.windows.create({ url, focused: true, type: 'normal' });
    return { opened: 'window', tabId: window.tabs?.[0]?.id ?? null };
  }
  if (settings.openIn === 'current' && besideTabId !== undefined) {
    const tab = await browser.tabs.update(besideTabId, { url, active: true });
    return { opened: 'current', tabId: tab.id ?? null };
  }
  const ticket =
    besideTabId === undefined ? null : await browser.tabs.get(besideTabId).catch(() => null);
  const tab = await browser.tabs.create({
    url,
    active: true,
    ...(ticket
      ? { index: ticket.index + 1, windowId: ticket.windowId, openerTabId: ticket.id }
      : {}),
  });
  return { opened: 'tab', tabId: tab.id ?? null };
}

async function focusRecent(previous: StartRecord): Promise<StartOutcome | null> {
  const age = Date.now() - previous.at;
  if (previous.status === 'starting' && age < START_TIMEOUT_MS) {
    throw new Problem('already_starting', 'errorAlreadyStarting');
  }
  if (previous.status !== 'started' || age >= REPEAT_WINDOW_MS || previous.tabId === null) {
    return null;
  }
  try {
    const tab = await browser.tabs.update(previous.tabId, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return { opened: 'focused', tabId: previous.tabId };
  } catch {
    return null; // The session's tab was closed: start again.
  }
}

/** Where a start comes from: a ticket (badge, shortcut, the popup's ticket panel) or a search. */
export type StartFrom = 'ticket' | 'search';

/**
 * The ticket in the tab, when its lookup found this visitor: the session is filed under it.
 * Null for any other visitor, so a session never claims a ticket that is not its customer's.
 */
export async function ticketOf(
  tabId: number | undefined,
  shortId: string,
): Promise<SessionTicket | null> {
  if (tabId === undefined) return null;
  const state = await getTabState(tabId);
  if (!state?.visitors.some((visitor) => visitor.short_id === shortId)) return null;
  return { helpdesk: state.helpdesk, ticketId: state.ticketId, url: state.ticketUrl ?? null };
}

async function start(
  shortId: string,
  besideTabId: number | undefined,
  from: StartFrom,
): Promise<StartOutcome> {
  const settings = await loadSettings();
  if (agentMissing(settings)) throw new Problem('no_agent', 'errorNoAgent');
  const item = record(shortId);
  const previous = await item.get();
  if (previous) {
    const focused = await focusRecent(previous);
    if (focused) return focused;
  }
  await item.set({ at: Date.now(), status: 'starting', tabId: null });
  try {
    const ticket = from === 'ticket' ? await ticketOf(besideTabId, shortId) : null;
    const request = watchRequestFor(settings, ticket);
    const url = await withApi((api) => api.createWatchUrl(shortId, request));
    const trusted = trustedWatchUrl(url, settings.apiBaseUrl);
    if (!trusted) throw new Problem('untrusted_watch_url', 'errorUntrustedWatchUrl');
    const outcome = await openWatchUrl(trusted, settings, besideTabId);
    await item.set({ at: Date.now(), status: 'started', tabId: outcome.tabId });
    // The visitor is now in a session: the next lookup must not answer from before.
    await clearLookupCache();
    return outcome;
  } catch (error) {
    await item.remove();
    if (isUpscopeApiError(error) && error.kind === 'not_found') {
      throw new Problem('visitor_gone', 'errorVisitorGone');
    }
    throw error;
  }
}

/**
 * Creates a watch URL for the visitor and opens it as the settings say. A start from a ticket
 * files the session under the ticket in `besideTabId` (when that ticket found the visitor). Never posts twice for
 * one visitor at once: the watch_url POST is not idempotent.
 */
export function startCobrowse(
  shortId: string,
  besideTabId?: number,
  from: StartFrom = 'ticket',
): Promise<StartOutcome> {
  const existing = running.get(shortId);
  if (existing) return existing;
  const started = start(shortId, besideTabId, from).finally(() => running.delete(shortId));
  running.set(shortId, started);
  return started;
}
