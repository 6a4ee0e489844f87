import browser from 'webextension-polyfill';
import type { PageMessage, PageReply, Reply } from './protocol';
import { t } from '../wording/i18n';

// The pages never hold the key or call the API: every question goes to the worker through here.
// The protocol module gives each message its reply type, so no page retypes a reply by hand.

export type {
  Candidate,
  ErrorInfo,
  KeyCheck,
  KeyStatus,
  Reading,
  Settings,
  Setup,
  StartOutcome,
  TabState,
  TabStateReply,
  Usage,
  Visitor,
  WatchListReply,
} from './protocol';

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
export async function send<M extends PageMessage>(message: M): Promise<Reply<PageReply<M>>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    // The worker answers every page message through its typed handlers (see the protocol).
    if (isReply(reply)) return reply as Reply<PageReply<M>>;
  } catch {
    // The worker could not be reached (updating, or the extension was reloaded).
  }
  return { ok: false, error: { kind: 'internal', message: t('errorWorker') } };
}
