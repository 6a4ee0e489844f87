import type { Runtime } from 'webextension-polyfill';

// The one place that reads a MessageSender. Everything else asks what kind of sender it was.

export type SenderClass =
  | { kind: 'page' }
  | {
      kind: 'content';
      tabId: number;
      origin: string;
      /**
       * The frame's address as the browser reports it, when it is on `origin`: the ticket's
       * address for a session (never something the page wrote into a message). Null otherwise.
       */
      url: string | null;
    }
  | { kind: 'other'; why: string };

export interface SenderPolicy {
  runtimeId: string;
  /** e.g. chrome-extension://abc… (no trailing slash). */
  extensionOrigin: string;
  isHelpdeskOrigin(origin: string): boolean;
}

function originOf(sender: Runtime.MessageSender): string | null {
  // `origin` is set by the browser process (Chrome); Firefox gives only the frame's URL.
  const origin = (sender as { origin?: string }).origin;
  if (origin) return origin;
  try {
    return sender.url ? new URL(sender.url).origin : null;
  } catch {
    return null;
  }
}

export function classifySender(sender: Runtime.MessageSender, policy: SenderPolicy): SenderClass {
  if (sender.id !== policy.runtimeId) return { kind: 'other', why: 'another extension' };
  const origin = originOf(sender);
  if (!origin) return { kind: 'other', why: 'no origin' };
  if (origin === policy.extensionOrigin) return { kind: 'page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'other', why: 'not in a tab' };
  // The badge lives in the top frame only; frames inside a helpdesk page are someone else's.
  if (sender.frameId !== 0) return { kind: 'other', why: 'a sub-frame' };
  if (!policy.isHelpdeskOrigin(origin)) return { kind: 'other', why: 'not a helpdesk origin' };
  return { kind: 'content', tabId, origin, url: urlOn(sender.url, origin) };
}

function urlOn(url: string | undefined, origin: string): string | null {
  try {
    return url && new URL(url).origin === origin ? url : null;
  } catch {
    return null;
  }
}

/**
 * Whether an origin is covered by a manifest match pattern's scheme and host. Paths are not
 * compared: trust is decided per origin.
 */
export function originMatchesPattern(origin: string, pattern: string): boolean {
  const match = /^(https?|\*):\/\/([^/]+)\//.exec(pattern);
  if (!match) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const [, scheme, host] = match as unknown as [string, string, string];
  const schemeOk = scheme === '*' ? /^https?:$/.test(url.protocol) : url.protocol === `${scheme}:`;
  if (!schemeOk) return false;
  if (host.startsWith('*.')) {
    const suffix = host.slice(2);
    return url.host.endsWith(`.${suffix}`) && url.host.length > suffix.length + 1;
  }
  return url.host === host;
}
