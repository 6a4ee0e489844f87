import english from '../../../public/_locales/en/messages.json';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import type { Get, Json } from '../../../src/content/adapter';
import { knowVendorMail } from '../../../src/content/identity';
import { HELPDESKS } from '../../../src/shared/helpdesks';

// As in the browser, where the worker's answer to site/which gives these before any page is read.
knowVendorMail(Object.values(HELPDESKS).flatMap((helpdesk) => helpdesk.mail));

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/helpdesks');

export function fixture(path: string): string {
  return readFileSync(resolve(FIXTURES, path), 'utf8');
}

export function json(path: string): Json {
  return JSON.parse(fixture(path));
}

/** The page at `url`, its document replaced by a committed fixture (scripts do not run). */
export function loadPage(url: string, html = '<!doctype html><html><body></body></html>'): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.adoptNode(n)));
  document.body.replaceWith(document.adoptNode(parsed.body));
}

/** A same-origin `get` answering from fixture JSON by path (query included), and its calls. */
export function fakeGet(routes: Record<string, Json>): Get & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const get = (async (path: string, headers?: Record<string, string>) => {
    calls.push([path, headers]);
    return routes[path];
  }) as Get & { calls: typeof calls };
  get.calls = calls;
  return get;
}

export interface FakeRuntime {
  id: string | undefined;
  /** Every message but `ticket/read`. */
  sent: unknown[];
  /** The `ticket/read` reports, for "What was read on this page". */
  reads: unknown[];
  reply: (message: { type: string }) => unknown;
  sendMessage: ReturnType<typeof vi.fn>;
  listeners: Set<(message: unknown, sender: { id?: string }) => void>;
  onMessage: {
    addListener(fn: (message: unknown, sender: { id?: string }) => void): void;
    removeListener(fn: (message: unknown, sender: { id?: string }) => void): void;
  };
  /** A message from the worker (tabs.sendMessage). */
  push(message: unknown): void;
}

/** `chrome.runtime` as a content script sees it; replies come from `reply`. */
export function fakeRuntime(reply: FakeRuntime['reply'] = () => undefined): FakeRuntime {
  const rt = {
    id: 'ext-id',
    sent: [] as unknown[],
    reads: [] as unknown[],
    reply,
    listeners: new Set(),
  } as FakeRuntime;
  rt.sendMessage = vi.fn(async (message: { type: string }) => {
    if (!rt.id) throw new Error('Extension context invalidated.');
    // What was read goes to the diagnosis, asked about by no badge: kept apart from the rest.
    (message.type === 'ticket/read' ? rt.reads : rt.sent).push(message);
    return rt.reply(message);
  });
  rt.onMessage = {
    addListener: (fn) => rt.listeners.add(fn),
    removeListener: (fn) => {
      if (!rt.id) throw new Error('Extension context invalidated.');
      rt.listeners.delete(fn);
    },
  };
  rt.push = (message) => {
    for (const fn of rt.listeners) fn(message, { id: 'ext-id' });
  };
  vi.stubGlobal('chrome', { runtime: rt, i18n: englishI18n });
  return rt;
}

/**
 * A Zendesk ticket page with `comments` conversation entries (about 7 nodes each) in the visible
 * workspace, and as many again in a hidden background tab: a ticket of `comments * 14` nodes.
 */
export function bigZendeskTicket(id: number, comments: number): string {
  const entries = (who: string, text: string) =>
    Array.from(
      { length: comments },
      (_, i) =>
        `<article data-test-id="omni-log-comment-item"><div data-test-id="omni-log-item-sender">${who}</div><p>${text} ${i}</p><blockquote>On day ${i}, support@acme.zendesk.com wrote: <em>quoted</em> agent${i}@acme.com</blockquote></article>`,
    ).join('');
  return `<!doctype html><html><body><div id="main_panes">
    <div class="workspace" style="display:none"><div data-side-conversations-anchor-id="${id - 1}">
      <div data-test-id="ticket-system-field-requester-select">Old Requester</div>
      ${entries('Old Requester', 'old')}
      <div id="editor-view"><img data-garden-id="tags.avatar" alt="old@example.com"></div></div></div>
    <div class="workspace"><section>
      <div data-test-id="ticket-system-field-requester-select">Jane Doe</div></section>
      <div data-side-conversations-anchor-id="${id}">
      ${entries('Jane Doe', 'message')}
      <div id="editor-view"><img data-garden-id="tags.avatar" alt="jane.doe@example.com"></div></div></div>
  </div></body></html>`;
}

/** Each host's closed shadow root, as only the script that attached it holds it. */
const shadowRoots = new WeakMap<Element, ShadowRoot>();

/** Records the shadow roots attached from now on, so tests can look inside closed ones. */
export function recordShadowRoots(): void {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    shadowRoots.set(this, root);
    return root;
  };
}

export function shadowOf(host: Element | undefined): ShadowRoot | undefined {
  return host && shadowRoots.get(host);
}

/** A click as the agent's mouse makes it: trusted, unlike `element.click()` from a script. */
export function agentClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

/** `chrome.i18n` reading the shipped English _locales, as the browser does for the content script. */
export const englishI18n = {
  getMessage(key: string, sub?: string): string {
    const entry = (english as Record<string, { message: string; placeholders?: object }>)[key];
    if (!entry) return '';
    // Every content-script message has at most one placeholder, $1.
    return entry.message.replace(/\$[A-Z_]+\$/g, sub ?? '');
  },
};

/** The browser's i18n for tests that render the badge without a runtime. */
export function speakEnglish(): void {
  vi.stubGlobal('chrome', { i18n: englishI18n });
}
