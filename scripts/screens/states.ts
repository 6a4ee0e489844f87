/**
 * The states `npm run screens` photographs, and how each is reached: the extension against the
 * fake Upscope server, in whatever language the browser was launched in. Readiness is judged by
 * structure (a card, a list's options, no spinner), never by words, so the German run and a
 * change of wording need nothing here.
 */
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_API_KEY, type FakeUpscope, type FakeVisitorRecord } from '../../test/fake-upscope';
import { extensionUrl } from '../../test/e2e/support/browser';
import { configureExtension } from '../../test/e2e/support/extension';
import { readBadge } from '../../test/e2e/support/helpdesk';
import { tabIdOf } from '../../test/e2e/support/worker';
import { TICKETS, type DemoTicket } from '../demo/tickets';

const READY_MS = 15_000;
const POPUP = { width: 380, height: 600 };

export interface Run {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  fake: FakeUpscope;
  /** Where this language's PNGs go. */
  outDir: string;
  /** Names of the PNGs written, and states that never showed what they should. */
  shots: string[];
  missed: string[];
}

/** Light, then dark, of what the page shows now: `<name>-light.png`, `<name>-dark.png`. */
async function shoot(run: Run, page: Page, name: string, fullPage: boolean): Promise<void> {
  mkdirSync(run.outDir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = `${name}-${scheme}.png`;
    await page.screenshot({ path: resolve(run.outDir, file), fullPage });
    run.shots.push(file);
  }
}

/**
 * Waits for `ready` (and for no spinner or skeleton); a state that never gets there is still
 * photographed, so the picture shows what went wrong, and is reported.
 */
async function settle(run: Run, page: Page, name: string, ready: Locator): Promise<void> {
  try {
    await ready.first().waitFor({ state: 'visible', timeout: READY_MS });
    await page.locator('.spinner, .skeleton').first().waitFor({ state: 'detached', timeout: 5000 });
  } catch {
    run.missed.push(name);
  }
}

let ticketCount = 0;

/** A tab the worker takes for a Zendesk ticket whose customer has these identities. */
async function ticketTab(run: Run, identities: Record<string, string> | null): Promise<number> {
  const url = `https://desk.example.test/tickets/${++ticketCount}`;
  await run.context.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Ticket</title><h1>Ticket</h1>' }),
  );
  const page = await run.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(page, run.serviceWorker);
  if (!identities) return tabId;
  // What the content script leaves for the tab on a ticket page; the lookups are the worker's own.
  await run.serviceWorker.evaluate(
    async ({ tabId, identities }) => {
      await chrome.storage.session.set({
        [`tab:${tabId}`]: {
          helpdesk: 'zendesk',
          ticketId: '4021',
          identities,
          visible: true,
          view: { state: 'not_found', label: '', title: '', canStart: false },
          visitors: [],
          candidates: [],
          ambiguous: false,
          updatedAt: Date.now(),
        },
      });
    },
    { tabId, identities },
  );
  return tabId;
}

async function popupFor(run: Run, tabId: number): Promise<Page> {
  const popup = await run.context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(extensionUrl(run.extensionId, `src/popup/index.html?tab=${tabId}`));
  return popup;
}

/** The popup for a ticket whose customer has these identities, once `ready` shows. */
async function popupState(
  run: Run,
  name: string,
  identities: Record<string, string> | null,
  ready: (popup: Page) => Locator,
  act?: (popup: Page) => Promise<void>,
): Promise<void> {
  const popup = await popupFor(run, await ticketTab(run, identities));
  await act?.(popup);
  await settle(run, popup, name, ready(popup));
  // The popup is a 380×600 window: the viewport is what the agent sees without scrolling.
  await shoot(run, popup, name, false);
  await popup.close();
}

async function optionsState(
  run: Run,
  name: string,
  act?: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await run.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(extensionUrl(run.extensionId, 'src/options/index.html'));
  await settle(run, page, name, page.locator('#agent-name'));
  await act?.(page);
  await shoot(run, page, name, true);
  await page.close();
}

/** A demo helpdesk ticket with its badge, once the badge stopped changing. */
async function badgeState(run: Run, ticket: DemoTicket): Promise<void> {
  const name = `badge-${ticket.name}`;
  const page = await run.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ticket.url);
  let last = '';
  let same = 0;
  for (const deadline = Date.now() + READY_MS; Date.now() < deadline && same < 2;) {
    const reading = await readBadge(page).catch(() => null);
    const now = reading?.visible ? reading.text : '';
    same = now && now === last ? same + 1 : 0;
    last = now;
    await page.waitForTimeout(250);
  }
  if (same < 2) run.missed.push(name);
  await shoot(run, page, name, false);
  await page.close();
}

/**
 * Visitors the seed lacks, for two findings of the review: two devices of one customer that
 * tie (online, seen at the same moment), and a name search that finds two people.
 */
export function addScreenVisitors(fake: FakeUpscope): void {
  const seen = fake.now().toISOString();
  const base = {
    email: 'lee.kim@example.com',
    name: 'Lee Kim',
    nickname: 'Lee Kim',
    identities: ['Lee Kim', 'lee.kim@example.com'],
    is_online: true,
    is_in_session: false,
    is_supported: true,
    is_waiting_for_call: false,
    last_seen_at: seen,
    sessions: [],
    _type: 'visitor',
  } satisfies Partial<FakeVisitorRecord>;
  const visitors: FakeVisitorRecord[] = [
    {
      ...base,
      short_id: 'LK1LAPTP',
      device_type: 'desktop',
      browser_name: 'Chrome 126',
      last_url: 'https://shop.example.com/checkout',
    },
    {
      ...base,
      short_id: 'LK2TABLT',
      device_type: 'tablet',
      device_name: 'iPad',
      browser_name: 'Mobile Safari 17',
      last_url: 'https://shop.example.com/cart',
    },
    {
      short_id: 'SC1CARTR',
      email: 'sam.carter@example.org',
      name: 'Sam Carter',
      nickname: 'Sam Carter',
      identities: ['Sam Carter', 'sam.carter@example.org'],
      is_online: true,
      is_in_session: false,
      is_supported: true,
      device_type: 'desktop',
      browser_name: 'Firefox 128',
      last_seen_at: seen,
      last_url: 'https://shop.example.com/pricing',
      sessions: [],
      _type: 'visitor',
    },
  ];
  for (const visitor of visitors) fake.upsertVisitor(visitor);
}

const card = (popup: Page) => popup.getByTestId('visitor');
const options = (popup: Page) => popup.getByRole('option').nth(1);
const notice = (popup: Page) => popup.locator('.notice');

async function search(popup: Page, query: string): Promise<void> {
  const box = popup.getByRole('combobox');
  await box.waitFor({ timeout: READY_MS });
  await box.fill(query);
  await box.press('Enter');
}

/** Every state, in an order where one does not spoil the next (the 429's pause comes last). */
export async function shootAll(run: Run, log: (line: string) => void): Promise<void> {
  const step = async (what: string, shot: () => Promise<void>) => {
    const started = Date.now();
    await shot();
    log(`  ${what.padEnd(34)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  // 1. A fresh install: no key, no agent.
  await configureExtension(run.serviceWorker, {
    apiKey: null,
    settings: { agentName: '', agentId: '' },
  });
  await step('options: first run', () => optionsState(run, 'options-first-run'));
  await step('popup: no key', () =>
    popupState(run, 'popup-no-key', { email: 'jane.doe@example.com' }, notice),
  );

  // 2. Set up.
  await configureExtension(run.serviceWorker, { apiKey: DEMO_API_KEY });
  await step('options: saved', () => optionsState(run, 'options-saved'));
  await step('options: endpoint fix offered', () =>
    optionsState(run, 'options-endpoint-fix', async (page) => {
      await page.locator('#api-endpoint').fill('http://api.userview.example/v1.1?team=4');
      await page.locator('.save-bar button[type="submit"]').click();
      await page.locator('#api-endpoint-error').waitFor({ timeout: READY_MS });
    }),
  );

  // 3. The badge on the helpdesks' own pages.
  for (const ticket of Object.values(TICKETS)) {
    await step(`badge: ${ticket.name}`, () => badgeState(run, ticket));
  }

  // 4. The popup for a ticket's customer in each state, and search.
  const ticket = (name: string, email: string, ready: (popup: Page) => Locator) =>
    step(`popup: ${name.replace('popup-', '')}`, () => popupState(run, name, { email }, ready));
  await ticket('popup-online', 'jane.doe@example.com', card);
  await ticket('popup-waiting', 'maria.garcia@example.com', card);
  await ticket('popup-in-session', 'priya.patel@example.com', card);
  await ticket('popup-offline', 'tom.baker@example.com', card);
  await ticket('popup-several-devices', 'sam.lee@example.com', options);
  await ticket('popup-two-devices-tie', 'lee.kim@example.com', options);
  await ticket('popup-no-match', 'nobody@example.com', (p) => p.getByTestId('no-match'));
  await step('popup: not a ticket', () =>
    popupState(run, 'popup-not-ticket', null, (p) => p.getByTestId('not-ticket')),
  );
  await step('popup: search results', () =>
    popupState(run, 'popup-search-results', null, options, (p) => search(p, 'sam.lee@example.com')),
  );
  await step('popup: search, several people', () =>
    popupState(run, 'popup-search-people', null, options, (p) => search(p, 'Sam')),
  );

  // 5. Trouble: Upscope cannot be reached, then Upscope asks for a pause (which stays).
  run.fake.injectFault({ drop: true, times: Infinity });
  await ticket('popup-error', 'error.case@example.com', notice);
  run.fake.clearFaults();
  run.fake.injectFault({ match: { path: 'list' }, status: 429, retryAfter: 120, times: 5 });
  await ticket('popup-rate-limited', 'paused.case@example.com', notice);
}
