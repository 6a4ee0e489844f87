/**
 * `npm run demo`: the extension against the project's fake Upscope server, with demo tickets
 * from Zendesk, Freshdesk and Intercom served at their real URLs.
 *
 * With a display it opens a normal Chromium window to drive by hand, until the window is closed
 * or Ctrl+C. Without one (or with CI=true or --headless) it walks the main flow headless, saves
 * screenshots and exits: 0 when every step worked, 1 with the failed step otherwise.
 *
 *   --headless     headless even with a display
 *   --headed       a window even under CI=true (it still needs a display)
 *   --no-build     use the extension already built in dist/ (or $EXT_OUT_DIR)
 *   --out <dir>    where the headless screenshots go (default artifacts/demo)
 *
 * The demo key and agent are written into the running extension's storage, as if saved in its
 * options page; nothing about the demo is built into the extension.
 */
import { execSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import {
  DEMO_API_KEY,
  FakeUpscope,
  routeFakeUpscope,
  startFakeUpscopeServer,
  type FakeUpscopeServer,
} from '../test/fake-upscope';
import { DIST } from '../test/e2e/support/browser';
import { configureExtension } from '../test/e2e/support/extension';
import { launchDemoBrowser, type DemoBrowser } from './demo/browser';
import { serveDemoHelpdesks, TICKET_ORDER, type DemoTicket } from './demo/tickets';
import { StepError, walkMainFlow } from './demo/walk';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const headed =
  flag('--headed') || (Boolean(process.env.DISPLAY) && !process.env.CI && !flag('--headless'));
const outDir = resolve(option('--out') ?? resolve(ROOT, 'artifacts/demo'));
const AGENT = { agentName: 'Demo Agent', agentId: 'demo-agent' };

const log = (line = '') => console.log(line);
const shown = (p: string) => (p.startsWith(ROOT) ? relative(process.cwd(), p) || '.' : p);

let browser: DemoBrowser | undefined;
let server: FakeUpscopeServer | undefined;
let stopping: Promise<void> | undefined;

/** Closes the browser, then the server; removes the browser profile. Once. */
function stop(): Promise<void> {
  stopping ??= (async () => {
    await browser?.close();
    await server?.close();
  })();
  return stopping;
}

async function exit(code: number): Promise<never> {
  await stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`\n${signal === 'SIGINT' ? 'Ctrl+C' : signal}: closing the browser and the demo API…`);
    void exit(0);
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!flag('--no-build')) {
    log(`Building the extension into ${shown(DIST)}…`);
    execSync('npx vite build --logLevel error', { stdio: 'inherit', cwd: ROOT });
  }

  // One fake Upscope, two ways in: the browser's requests to api.upscope.io (and the session
  // page at o.upscope.io) are answered by it in the browser context, and the same instance
  // listens on loopback to be explored with curl.
  const fake = new FakeUpscope();
  server = await startFakeUpscopeServer(fake, { port: 0 });
  browser = await launchDemoBrowser({ headless: !headed });
  const { context, serviceWorker } = browser;
  await routeFakeUpscope(context, fake);
  await configureExtension(serviceWorker, { apiKey: DEMO_API_KEY, settings: AGENT });
  await serveDemoHelpdesks(context);

  // Chromium opens with one blank tab (and the options page, on first install): tickets take
  // their place, the first one in front.
  const leftovers = context.pages();
  const tickets = new Map<DemoTicket, Page>();
  for (const ticket of TICKET_ORDER) {
    const page = await context.newPage();
    await page.goto(ticket.url);
    tickets.set(ticket, page);
  }
  for (const page of leftovers) await page.close();
  await tickets.get(TICKET_ORDER[0]!)!.bringToFront();

  log();
  log('Helpdesk Co-browse demo');
  log(
    `  Extension  ${shown(DIST)}, configured with the demo key "${DEMO_API_KEY}" and agent "${AGENT.agentName}"`,
  );
  log(
    `  Demo API   https://api.upscope.io/v1.1 in the browser, answered by the fake Upscope server`,
  );
  log(
    `             (the same server on ${server.baseUrl}, e.g. curl -H 'X-Api-Key: ${DEMO_API_KEY}' ${server.baseUrl}/visitors/list.json)`,
  );
  log('  Tickets');
  for (const ticket of TICKET_ORDER)
    log(`    ${ticket.customer.padEnd(13)} ${ticket.what}\n                  ${ticket.url}`);

  if (headed) {
    log();
    log('Chromium is open on the Zendesk ticket. Try:');
    log(
      '  • Click the "Co-browse with Jane · Online" badge beside Jane Doe: co-browsing opens in a new tab.',
    );
    log('  • Press Alt+Shift+U on a ticket: the same, from the keyboard.');
    log("  • Click the extension's toolbar icon (pin it from the puzzle-piece menu): the popup,");
    log('    with the customer, their devices and sessions, search, and "Start co-browsing".');
    log('  • Other tabs: Maria Garcia on Freshdesk, waiting for a call; Alex Kim on Intercom;');
    log('    Tom Baker on Zendesk #124, offline. The Zendesk tabs switch tickets in place too.');
    log('  • Right-click the toolbar icon → Options for the settings.');
    log();
    log('Close the window or press Ctrl+C to stop; the browser and the demo API stop with it.');
    context.once('close', () => {
      log('The browser was closed: stopping the demo API.');
      void exit(0);
    });
    return;
  }

  log();
  log(
    `Headless${process.env.CI ? ' (CI)' : flag('--headless') ? '' : ' (no display)'}: walking the main flow`,
  );
  const { shots } = await walkMainFlow(browser, fake, tickets, outDir, log);
  log();
  log('Screenshots');
  for (const [what, path] of Object.entries(shots)) log(`  ${what.padEnd(24)} ${shown(path)}`);
  log();
  log(`The demo worked in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await exit(0);
}

main().catch(async (error: unknown) => {
  if (error instanceof StepError) {
    console.error(`\nThe demo failed at: ${error.message}`);
    if (error.screenshot) console.error(`What was on screen: ${shown(error.screenshot)}`);
  } else {
    console.error('\nThe demo failed:', error);
  }
  await exit(1);
});
