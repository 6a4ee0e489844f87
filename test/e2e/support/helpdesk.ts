import { expect, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The badge's host element (its tag; the content script's TAG). */
export const TAG = 'cobrowse-badge';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/helpdesks');

export interface HelpdeskSite {
  /** Any page under this origin serves `page`; the helpdesk's router decides what it shows. */
  origin: string;
  page: string;
  /** The helpdesk's own JSON, by path + query, as committed fixtures. Anything else is a 404. */
  json?: Record<string, string>;
  /** Extra markup for the page's head (the demo's stylesheet); tests serve the fixture as is. */
  head?: string;
}

/** Zendesk Agent Workspace with ticket 123 (Jane Doe, online) and 124 (Tom Baker, offline). */
export const ZENDESK: HelpdeskSite = {
  origin: 'https://acme.zendesk.com',
  page: 'zendesk/ticket.html',
  json: {
    '/api/v2/tickets/123.json?include=users': 'zendesk/ticket-123.json',
    '/api/v2/tickets/124.json?include=users': 'zendesk/ticket-124.json',
  },
};

/**
 * Serves a helpdesk as its agents' browsers see it: the HTML shell at every path of its origin
 * (so single-page navigations and reloads work) and its same-origin JSON API.
 */
export async function serveHelpdesk(
  context: BrowserContext,
  site: HelpdeskSite,
): Promise<string[]> {
  const fixture = readFileSync(resolve(FIXTURES, site.page), 'utf8');
  const html = site.head ? fixture.replace('</head>', `${site.head}</head>`) : fixture;
  const asked: string[] = [];
  await context.route(`${site.origin}/**`, (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname + url.search;
    const fixture = site.json?.[path];
    if (fixture) {
      asked.push(path);
      return route.fulfill({
        contentType: 'application/json',
        body: readFileSync(resolve(FIXTURES, fixture), 'utf8'),
      });
    }
    if (path.startsWith('/api/') || path.startsWith('/ember/')) {
      asked.push(path);
      return route.fulfill({ status: 404, contentType: 'application/json', body: '{}' });
    }
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
  });
  return asked;
}

/** What the badge shows, read through the browser's debugging protocol (see `badgeOf`). */
export interface BadgeReading {
  text: string;
  name: string;
  title: string;
  note: string;
  /** Every element inside the root, by tag. */
  elements: string[];
  /** The button's centre in the page's viewport, for a real mouse click. */
  x: number;
  y: number;
  visible: boolean;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Reads the badge inside its closed shadow root. A page script cannot; the DevTools protocol can
 * (DOM.getDocument with pierce), which keeps tests from needing any way in that production has.
 */
export async function readBadge(page: Page): Promise<BadgeReading | null> {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  const cdp = await session;
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type Node = (typeof root)['children'] extends (infer N)[] | undefined ? N : never;
  const find = (node: Node): Node | undefined => {
    if (node.localName === TAG && node.shadowRoots?.[0]?.shadowRootType === 'closed')
      return node.shadowRoots[0];
    for (const child of node.children ?? []) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  const shadow = find(root);
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', {
    backendNodeId: shadow.backendNodeId,
    objectGroup: 'badge',
  });
  try {
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      returnByValue: true,
      functionDeclaration: `function () {
        const button = this.querySelector('button');
        const note = this.querySelector('p');
        if (!button) return null;
        button.scrollIntoViewIfNeeded?.();
        const box = button.getBoundingClientRect();
        return {
          text: button.textContent ?? '',
          name: button.getAttribute('aria-label') ?? '',
          title: button.title,
          note: note?.textContent ?? '',
          elements: [...this.querySelectorAll('*')].map((el) => el.localName),
          x: box.x + box.width / 2,
          y: box.y + box.height / 2,
          visible: this.host.isConnected && box.width > 0 && box.height > 0 && button.checkVisibility(),
        };
      }`,
    });
    return result.value as BadgeReading | null;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'badge' });
  }
}

type Expected = string | RegExp;
const matching = (expected: Expected) =>
  typeof expected === 'string' ? expected : expect.stringMatching(expected);

/**
 * The badge as the agent meets it: what it says, read through `readBadge`, and presses by the
 * real mouse and keyboard (trusted events land inside the closed root like an agent's do).
 */
export function badgeOf(page: Page) {
  const part =
    (key: 'text' | 'name' | 'note') =>
    async (expected: Expected, options: { timeout?: number } = {}) =>
      expect
        .poll(async () => (await readBadge(page))?.[key] ?? null, options)
        .toEqual(matching(expected));
  const at = async () => {
    let reading: BadgeReading | null = null;
    await expect.poll(async () => (reading = await readBadge(page))?.visible ?? false).toBe(true);
    return reading!;
  };
  return {
    hasText: part('text'),
    /** The accessible name: the button's aria-label. */
    hasName: part('name'),
    hasNote: part('note'),
    isVisible: () => at(),
    read: () => readBadge(page),
    async click() {
      const { x, y } = await at();
      await page.mouse.click(x, y);
    },
    async dblclick() {
      const { x, y } = await at();
      await page.mouse.dblclick(x, y);
    },
  };
}
