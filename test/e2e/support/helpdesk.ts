import type { BrowserContext, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

/** The badge's button, inside its shadow root (Playwright's CSS locators pierce open roots). */
export const badgeButton = (page: Page): Locator => page.locator('cobrowse-badge button');
