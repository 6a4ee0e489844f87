import type { Adapter, Found, Get, Json, Ticket } from './adapter';
import { emailIn } from './identity';

/**
 * Same-origin GETs with the agent's session. Firefox runs a content script's own fetch with the
 * extension's privileges, where the helpdesk's cookies may not go; `content.fetch` is the page's.
 */
export function getter(signal: AbortSignal): Get {
  return async (path, headers) => {
    const url = new URL(path, location.origin);
    if (url.origin !== location.origin) return;
    const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
    const doFetch = typeof page?.fetch === 'function' ? page.fetch.bind(page) : fetch;
    try {
      const response = await doFetch(url.href, {
        credentials: 'include',
        headers: { accept: 'application/json', ...headers },
        signal: AbortSignal.any([signal, AbortSignal.timeout(3000)]),
      });
      return response.ok ? ((await response.json()) as Json) : undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * Inline `display: none` and `hidden` are how helpdesks park background tickets (Zendesk's
 * tabs); computed styles would force style recalculation on every check.
 */
export const hidden = (el: Element): boolean =>
  !!el.closest('[hidden],[style*="display: none"],[style*="display:none"]');

export function firstVisible(root: ParentNode, selector: string): Element | undefined {
  for (const el of root.querySelectorAll(selector)) if (!hidden(el)) return el;
}

/** The ticket in view: its container when the adapter names one, else the whole document. */
export function scopeOf(adapter: Adapter, ticket: Ticket): ParentNode | undefined {
  const { scope } = adapter;
  return typeof scope == 'function'
    ? (scope() ?? undefined)
    : scope
      ? firstVisible(document, scope.replace('{id}', CSS.escape(ticket.id)))
      : document;
}

/** The customer as the page shows them, and the element their address came from. */
export function fromDom(
  adapter: Adapter,
  ticket: Ticket,
  me?: string,
): [Found, Element?] | undefined {
  const root = scopeOf(adapter, ticket);
  if (!root) return;
  let at: Element | undefined;
  let address: string | undefined;
  for (const el of adapter.email ? root.querySelectorAll(adapter.email) : []) {
    if (hidden(el)) continue;
    const attributes = ['email', 'href', 'alt', 'title'].map((name) => el.getAttribute(name));
    const found = emailIn(`${attributes.join(' ')} ${el.textContent}`, me);
    if (found) {
      [at, address] = [el, found];
      if (!adapter.last) break;
    }
  }
  const name = adapter.name && firstVisible(root, adapter.name);
  return [
    {
      email: address,
      // Else the address's own element may carry it (Gmail's sender: <span email name>).
      name: name ? name.textContent : at?.getAttribute('name'),
      helpdeskUserId: adapter.uid?.(root),
      text: at && adapter.text?.(at),
    },
    at,
  ];
}
