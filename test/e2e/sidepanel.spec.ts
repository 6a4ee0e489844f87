import type { BrowserContext, Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { SEED_IDS, type FakeUpscope } from '../fake-upscope';
import { extensionUrl } from './support/browser';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';

// The side panel's page, opened as a tab of the extension in the same window as the tickets (the
// browser's side panel itself is not reachable from Playwright). It follows the active tab of its
// window exactly as the panel does. The helpdesk is the committed Zendesk fixture with its real
// content script: ticket 123 (Jane Doe, online) and 124 (Tom Baker, offline).

const SHOTS = 'test/output/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** The requests that reached the fake Upscope API so far. */
const apiRequests = (fake: FakeUpscope) =>
  fake.requests.filter((r) => r.path.startsWith(`${fake.basePath}/`)).length;

async function openTicket(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${ZENDESK.origin}/agent/tickets/${id}`);
  return page;
}

/**
 * Opens the panel's page without making it the active tab (as the browser's panel sits beside
 * the active tab), so it starts on the ticket in front.
 */
async function openPanel(context: BrowserContext, sw: Worker, extensionId: string): Promise<Page> {
  const opened = context.waitForEvent('page');
  await sw.evaluate(
    (url) => chrome.tabs.create({ url, active: false }),
    extensionUrl(extensionId, 'src/sidepanel/index.html'),
  );
  const panel = await opened;
  await panel.setViewportSize({ width: 400, height: 800 });
  return panel;
}

const customer = (panel: Page) => panel.getByTestId('visitor').locator('h3');
const ticketMeta = (panel: Page) => panel.locator('.context-meta');
/** The panel updates by itself, within a second of the agent moving. */
const SOON = { timeout: 1000 };

test.beforeEach(async ({ serviceWorker }) => {
  await configureExtension(serviceWorker);
});

test('follows two ticket tabs and a same-tab navigation without a click, at no API cost', async ({
  context,
  serviceWorker,
  extensionId,
  fake,
}) => {
  await serveHelpdesk(context, ZENDESK);
  const tom = await openTicket(context, '124');
  await badgeOf(tom).hasText(/ · seen \d+[mhd] ago$/);
  const jane = await openTicket(context, '123');
  await badgeOf(jane).hasText('Co-browse with Jane · Online');
  const before = apiRequests(fake);

  // Opening on a ticket whose visitor is cached asks Upscope nothing.
  const panel = await openPanel(context, serviceWorker, extensionId);
  await expect(customer(panel)).toHaveText('Jane Doe');
  await expect(ticketMeta(panel)).toHaveText('Zendesk · #123');
  await expect(panel.getByText('Checking Upscope…')).toHaveCount(0);

  // Another ticket tab comes to the front.
  await tom.bringToFront();
  await expect(customer(panel)).toHaveText('Tom Baker', SOON);
  await expect(ticketMeta(panel)).toHaveText('Zendesk · #124');
  await expect(panel.getByRole('status')).toHaveText('Now showing Zendesk · #124.');

  // And back.
  await jane.bringToFront();
  await expect(customer(panel)).toHaveText('Jane Doe', SOON);

  // The same tab moves to the next ticket through the helpdesk's own router (no page load).
  await jane.click('#open-124');
  await expect(ticketMeta(panel)).toHaveText('Zendesk · #124', SOON);
  await expect(customer(panel)).toHaveText('Tom Baker');
  await jane.goBack();
  await expect(ticketMeta(panel)).toHaveText('Zendesk · #123', SOON);
  await expect(customer(panel)).toHaveText('Jane Doe');

  // Every answer came from what the open tickets had already looked up.
  expect(apiRequests(fake)).toBe(before);

  // Leaving tickets altogether in that tab: the panel says so.
  await jane.click('#open-dashboard');
  await expect(panel.getByTestId('not-ticket')).toBeVisible(SOON);
});

test('starting a session keeps the ticket in view while the session tab is in front', async ({
  context,
  serviceWorker,
  extensionId,
  fake,
}) => {
  await serveHelpdesk(context, ZENDESK);
  const jane = await openTicket(context, '123');
  await badgeOf(jane).hasText('Co-browse with Jane · Online');
  const panel = await openPanel(context, serviceWorker, extensionId);
  await expect(customer(panel)).toHaveText('Jane Doe');

  // Keyboard only, as in the popup: the search box has focus, Enter starts the visitor shown.
  await panel.bringToFront();
  await expect(panel.locator('#search-input')).toBeFocused();
  const opened = context.waitForEvent('page');
  await panel.keyboard.press('Enter');
  const session = await opened;
  await expect(session).toHaveURL(/^https:\/\/o\.upscope\.io\//);
  expect(fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.jane]);

  // The session's tab is in front: not a ticket, and the panel says plainly what it shows.
  await session.bringToFront();
  await expect(panel.getByTestId('kept-ticket')).toBeVisible(SOON);
  await expect(customer(panel)).toHaveText('Jane Doe');
  await expect(ticketMeta(panel)).toHaveText('Zendesk · #123');
  await expect(panel.getByTestId('not-ticket')).toHaveCount(0);
  await panel.screenshot({ path: `${SHOTS}/sidepanel-kept.png` });

  // Back on the ticket: the note goes.
  await jane.bringToFront();
  await expect(panel.getByTestId('kept-ticket')).toHaveCount(0, SOON);
  await panel.screenshot({ path: `${SHOTS}/sidepanel.png` });
});

test('the popup offers "Open in side panel"; the panel itself does not', async ({
  context,
  serviceWorker,
  extensionId,
  openExtensionPage,
}) => {
  await serveHelpdesk(context, ZENDESK);
  await openTicket(context, '123');
  const popup = await openExtensionPage('src/popup/index.html');
  await expect(popup.getByRole('button', { name: 'Open in side panel' })).toBeVisible();
  const panel = await openPanel(context, serviceWorker, extensionId);
  await expect(panel.getByRole('button', { name: 'Open settings' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Open in side panel' })).toHaveCount(0);
});
