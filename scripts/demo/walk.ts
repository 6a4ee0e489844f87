/**
 * The headless demo: the main flow an agent follows, checked step by step, with a screenshot of
 * each screen. A step that fails names itself and leaves a screenshot of what was on screen.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FakeUpscope } from '../../test/fake-upscope';
import { extensionUrl } from '../../test/e2e/support/browser';
import { readBadge } from '../../test/e2e/support/helpdesk';
import { tabIdOf } from '../../test/e2e/support/worker';
import type { DemoBrowser } from './browser';
import { TICKET_ORDER, TICKETS, type DemoTicket } from './tickets';

const STEP_TIMEOUT_MS = 10_000;

export class StepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
    readonly screenshot?: string,
  ) {
    super(`${step}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`);
  }
}

export interface Walked {
  /** Screenshot paths by what they show, in the order they were taken. */
  shots: Record<string, string>;
}

export async function walkMainFlow(
  browser: DemoBrowser,
  fake: FakeUpscope,
  tickets: Map<DemoTicket, Page>,
  outDir: string,
  log: (line: string) => void,
): Promise<Walked> {
  const { context, serviceWorker, extensionId } = browser;
  mkdirSync(outDir, { recursive: true });
  const shots: Record<string, string> = {};
  const path = (name: string) => resolve(outDir, `${name}.png`);
  let current: Page | undefined;

  async function step<T>(name: string, page: Page | undefined, run: () => Promise<T>): Promise<T> {
    current = page ?? current;
    try {
      const result = await run();
      log(`  ✓ ${name}`);
      return result;
    } catch (error) {
      let shot: string | undefined;
      if (current && !current.isClosed()) {
        shot = path('failed');
        await current.screenshot({ path: shot }).catch(() => (shot = undefined));
      }
      throw new StepError(name, error, shot);
    }
  }

  // 1. Every ticket shows its customer's badge, beside the customer's name on the page.
  for (const ticket of TICKET_ORDER) {
    const page = tickets.get(ticket)!;
    await step(`${ticket.name}: badge for ${ticket.customer} (${ticket.what})`, page, async () => {
      await waitForText(page, ticket.badge);
      const name = (await readBadge(page))?.name;
      if (!name?.includes(ticket.customer)) {
        throw new Error(`the badge speaks of "${name}", not ${ticket.customer}`);
      }
      await besideCustomer(page, ticket);
      shots[`ticket-${ticket.name}`] = path(`ticket-${ticket.name}`);
      await page.screenshot({ path: path(`ticket-${ticket.name}`) });
    });
  }

  // 2. The popup for the Zendesk ticket's tab shows its customer, ready to start.
  const ticketPage = tickets.get(TICKETS.zendeskOnline)!;
  const tabId = await tabIdOf(ticketPage, serviceWorker);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await step('popup: shows Jane Doe for the Zendesk ticket', popup, async () => {
    await popup.goto(extensionUrl(extensionId, `src/popup/index.html?tab=${tabId}`));
    const visitor = popup.getByTestId('visitor');
    await visitor
      .getByRole('heading', { name: TICKETS.zendeskOnline.customer })
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await popup.getByText('Checking Upscope…').waitFor({ state: 'detached' });
    shots.popup = path('popup');
    await popup.screenshot({ path: shots.popup });
  });

  // 3. "Start co-browsing" opens the session in a new tab.
  await step('popup: "Start co-browsing" opens the session tab', popup, async () => {
    const opened = context.waitForEvent('page', { timeout: STEP_TIMEOUT_MS });
    await popup.getByRole('button', { name: 'Start co-browsing' }).click();
    const session = await opened;
    current = session;
    await session.waitForURL((url) => url.origin === fake.watchOrigin, {
      timeout: STEP_TIMEOUT_MS,
    });
    await session.waitForLoadState('load');
    if (fake.watchSessions.length !== 1) {
      throw new Error(`${fake.watchSessions.length} sessions were started, not 1`);
    }
    shots.session = path('session');
    await session.screenshot({ path: shots.session });
  });

  // 4. The options page, as configured for the demo.
  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 800 });
  await step('options: the demo key and agent are set', options, async () => {
    await options.goto(extensionUrl(extensionId, 'src/options/index.html'));
    const agentName = options.getByLabel('Agent name', { exact: true });
    await agentName.waitFor({ timeout: STEP_TIMEOUT_MS });
    await until(
      async () => (await agentName.inputValue()) === 'Demo Agent',
      'agent name "Demo Agent"',
    );
    await options.getByText('Saved key ending in').waitFor({ timeout: STEP_TIMEOUT_MS });
    shots.options = path('options');
    await options.screenshot({ path: shots.options, fullPage: true });
  });

  // 5. The ticket and its popup side by side: the picture for the README.
  await step('overview: ticket and popup side by side', undefined, async () => {
    shots.overview = path('overview');
    await sideBySide(options, [shots['ticket-zendesk']!, shots.popup!], shots.overview);
  });

  return { shots };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never saw ${what}`);
}

/** The page names the customer where the badge sits: beside it, or for a corner pill anywhere. */
async function besideCustomer(page: Page, ticket: DemoTicket): Promise<void> {
  const host = page.locator('cobrowse-badge');
  const corner = (await host.evaluate((h) => getComputedStyle(h).position)) === 'fixed';
  if (corner !== Boolean(ticket.corner)) {
    throw new Error(corner ? 'the badge is a pill in a corner' : 'the badge is not in the corner');
  }
  const badge = (await host.boundingBox())!;
  let nearest = Infinity;
  for (const name of await page.getByText(ticket.customer, { exact: true }).all()) {
    const box = await name.boundingBox();
    if (!box) continue;
    const dx = Math.max(0, box.x - (badge.x + badge.width), badge.x - (box.x + box.width));
    const dy = Math.max(0, box.y - (badge.y + badge.height), badge.y - (box.y + box.height));
    nearest = Math.min(nearest, Math.hypot(dx, dy));
  }
  if (nearest === Infinity) throw new Error(`the page does not name ${ticket.customer}`);
  if (!ticket.corner && nearest > 120) {
    throw new Error(`the badge sits ${Math.round(nearest)} px from ${ticket.customer}'s name`);
  }
}

async function waitForText(page: Page, text: RegExp): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    last = (await readBadge(page))?.text.trim() ?? '';
    if (text.test(last)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the badge says "${last}", expected ${text}`);
}

/** Lays PNGs out in a row on a blank page and screenshots that. */
async function sideBySide(page: Page, images: string[], out: string): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 800 });
  await page.goto('about:blank');
  const sources = images.map((p) => `data:image/png;base64,${readFileSync(p).toString('base64')}`);
  await page.evaluate((srcs) => {
    document.body.style.cssText =
      'margin:0;background:#e8eaed;display:inline-flex;gap:24px;padding:24px;align-items:flex-start';
    for (const src of srcs) {
      const img = document.createElement('img');
      img.src = src;
      img.style.cssText = 'box-shadow:0 2px 12px rgba(0,0,0,.25);border-radius:8px';
      document.body.append(img);
    }
  }, sources);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.locator('body').screenshot({ path: out });
}
