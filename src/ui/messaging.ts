import browser from 'webextension-polyfill';
import type { Usage, Visitor } from '../api/schemas';
import type { KeyCheck } from '../background/key-setup';
import type { KeyStatus } from '../background/key-store';
import type { StartOutcome } from '../background/cobrowse';
import type { TabState } from '../background/tab-state';
import type { PageMessage } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { Candidate, ErrorInfo, Reply } from '../shared/views';
import { t } from './i18n';

// The pages never hold the key or call the API: every question goes to the worker through here.
// Types only come from the worker's modules, so none of its code (or zod) reaches the pages.

export type { KeyStatus, StartOutcome, TabState, Usage, Visitor, Candidate, ErrorInfo, Settings };

export interface Setup {
  key: KeyStatus;
  agentMissing: string | null;
}

export interface TabStateReply {
  state: TabState | null;
  setup: Setup;
}

export interface SearchReply {
  visitors: Visitor[];
  candidates: Candidate[];
  ambiguous: boolean;
}

export interface Replies {
  'tab/state': TabStateReply;
  'visitors/search': SearchReply;
  'visitor/details': Visitor;
  'visitor/forget': null;
  'cobrowse/start': StartOutcome;
  'settings/get': { settings: Settings; key: KeyStatus };
  'settings/save': Settings;
  'key/save': KeyCheck;
  'key/clear': KeyStatus;
  'connection/test': { usage: Usage; key: KeyStatus };
}

function isReply(value: unknown): value is Reply<unknown> {
  if (!value || typeof value !== 'object') return false;
  const reply = value as { ok?: unknown; error?: { kind?: unknown; message?: unknown } };
  if (reply.ok === true) return 'data' in reply;
  return (
    reply.ok === false &&
    typeof reply.error?.kind === 'string' &&
    typeof reply.error.message === 'string'
  );
}

/** Sends one message to the worker. Never throws: a failure comes back as an error reply. */
export async function send<M extends PageMessage>(message: M): Promise<Reply<Replies[M['type']]>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (isReply(reply)) return reply as Reply<Replies[M['type']]>;
  } catch {
    // The worker could not be reached (updating, or the extension was reloaded).
  }
  return { ok: false, error: { kind: 'internal', message: t('errorWorker') } };
}
