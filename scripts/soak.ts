/**
 * `npm run soak [-- --minutes 120 --tabs 4 --no-build]`: hours of an agent's day in one browser.
 * Several ticket tabs move between tickets the way helpdesks do (router pushes, reloads, DOM
 * churn), while the fake Upscope answers. Every minute it prints the service worker's and the
 * pages' JS heap after a garbage collection, the event listeners on each page (the page's own
 * world and the content script's isolated world, counted apart), the badges on each page, and the
 * API requests made, so leaks and runaway polling show as a trend. Everything is answered inside the browser by the fake and the
 * committed fixtures; any other request is aborted and counted. Not part of CI.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FakeUpscope, routeFakeUpscope } from '../test/fake-upscope';
import { launchWithExtension } from '../test/e2e/support/browser';
import { configureExtension } from '../test/e2e/support/extension';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '120' },
    tabs: { type: 'string', default: '4' },
    'no-build': { type: 'boolean', default: false },
  },
});
const MINUTES = Math.max(1, Math.min(24 * 60, Number(args.minutes) || 120));
const TABS = Math.max(1, Math.min(12, Number(args.tabs) || 4));
const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(ROOT, 'test/fixtures/helpdesks/zendesk');
const ORIGIN = 'https://acme.zendesk.com';

// Customers the tickets cycle through: known visitors in every state, and strangers.
const CUSTOMERS = [
  ['Jane Doe', 'jane.doe@example.com'],
  ['Tom Baker', 'tom.baker@example.com'],
  ['Maria Garcia', 'maria.garcia@example.com'],
  ['Priya Patel', 'priya.patel@example.com'],
  ['Sam Lee', 'sam.lee@example.com'],
  ['Nobody Known', 'nobody@example.org'],
] as const;

function ticketJson(id: number): string {
  const [name, email] = CUSTOMERS[id % CUSTOMERS.length]!;
  return JSON.stringify({
    ticket: { id, subject: `Ticket ${id}`, requester_id: 9000 + id, description: 'Help!' },
    users: [{ id: 9000 + id, name, email, role: 'end-user' }],
  });
}

async function serve(context: BrowserContext): Promise<{ blocked: string[] }> {
  const blocked: string[] = [];
  // Lowest priority (registered first): whatever nothing else answers never leaves the machine.
  await context.route('**/*', (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const html = readFileSync(resolve(FIXTURES, 'ticket.html'), 'utf8');
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    const api = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(url.pathname);
    if (api) return route.fulfill({ contentType: 'application/json', body: ticketJson(+api[1]!) });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
  });
  return { blocked };
}

/** One agent action on a tab: mostly the helpdesk's router, sometimes a reload or DOM churn. */
async function act(page: Page, step: number): Promise<string> {
  const roll = Math.random();
  const id = 1000 + Math.floor(Math.random() * 300);
  if (roll < 0.05) {
    await page.goto(`${ORIGIN}/agent/tickets/${id}`);
    return 'reload';
  }
  if (roll < 0.25) {
    await page.evaluate((n) => {
      const box = document.createElement('div');
      for (let i = 0; i < n; i++) box.append(document.createElement('span'));
      document.body.append(box);
      setTimeout(() => box.remove(), 500);
    }, 500);
    return 'churn';
  }
  if (roll < 0.3) {
    await page.evaluate(() => history.pushState({}, '', '/agent/dashboard'));
    return 'leave';
  }
  await page.evaluate(
    ([ticket, s]) => {
      history.pushState({ s }, '', `/agent/tickets/${ticket}`);
      // The fixture's own router draws a workspace for tickets it knows; others keep the last
      // one's DOM, as a helpdesk mid-render would.
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    [id, step] as const,
  );
  return 'navigate';
}

interface Sample {
  minute: number;
  actions: number;
  apiRequests: number;
  swHeapMb: number | null;
  pageHeapMb: number;
  /** On window and document, in the page's own world (the helpdesk's and the badge's). */
  pageListeners: number;
  /** On window and document, in the content script's isolated world (null: no script there). */
  scriptListeners: number | null;
  badges: number;
  blocked: number;
}

/** The extension's service worker heap, through the browser's target list (null when stopped). */
async function workerHeap(cdp: CDPSession, extensionId: string): Promise<number | null> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!sw) return null;
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: sw.targetId,
    flatten: false,
  })) as { sessionId: string };
  try {
    const reply = new Promise<{ result?: { usedSize: number } }>((done) => {
      const onMessage = (e: { message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
        if (m.id !== 1) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        done(m);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      setTimeout(() => done({}), 3_000);
    });
    // Garbage first, so the trend is what is still held, not what is waiting to be collected.
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 0, method: 'HeapProfiler.collectGarbage' }),
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }),
    });
    const used = (await reply).result?.usedSize;
    return used === undefined ? null : used / 2 ** 20;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

/**
 * Event listeners on window and document in one JavaScript world of a page: the page's own when
 * `contextId` is left out, else that execution context's. DevTools reports only the listeners
 * added from the world the inspected object was taken from, so the content script's listeners are
 * counted by evaluating `window` inside its isolated world.
 */
async function listenersOn(cdp: CDPSession, contextId?: number): Promise<number> {
  let total = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression,
      ...(contextId === undefined ? {} : { contextId }),
    });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId!,
    });
    total += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  }
  return total;
}

/**
 * Follows a page's execution contexts and knows which one is the extension's content script in
 * the top frame: an isolated world whose origin is the extension's. Navigations and reloads make
 * new ones; the latest wins.
 */
async function followScriptWorld(
  cdp: CDPSession,
  extensionId: string,
): Promise<() => number | undefined> {
  let current: number | undefined;
  let topFrame: string | undefined;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; frameId?: string; isDefault?: boolean };
    if (aux.isDefault && !topFrame) topFrame = aux.frameId;
    if (
      aux.type === 'isolated' &&
      context.origin === `chrome-extension://${extensionId}` &&
      (!topFrame || aux.frameId === topFrame)
    ) {
      current = context.id;
    }
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    if (executionContextId === current) current = undefined;
  });
  cdp.on('Runtime.executionContextsCleared', () => (current = undefined));
  await cdp.send('Runtime.enable');
  return () => current;
}

/** First and last reading, to show a trend at a glance (null: the worker was stopped). */
function trend(values: (number | null)[]): string {
  const shown = (v: number | null | undefined) => (v == null ? 'stopped' : `${v.toFixed(1)} MB`);
  return `${shown(values[0])} → ${shown(values.at(-1))}`;
}

async function main(): Promise<void> {
  if (!args['no-build'])
    execSync('npx vite build --logLevel error', { cwd: ROOT, stdio: 'inherit' });
  const fake = new FakeUpscope();
  const launched = await launchWithExtension();
  const { context, serviceWorker, extensionId } = launched;
  const stop = async () => {
    await launched.close().catch(() => undefined);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(143)));

  const { blocked } = await serve(context);
  await routeFakeUpscope(context, fake);
  await configureExtension(serviceWorker);
  const pages: Page[] = [];
  const sessions: CDPSession[] = [];
  const scriptWorlds: (() => number | undefined)[] = [];
  for (let i = 0; i < TABS; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    scriptWorlds.push(await followScriptWorld(cdp, extensionId));
    await page.goto(`${ORIGIN}/agent/tickets/${1000 + i}`);
    pages.push(page);
    sessions.push(cdp);
  }

  console.log(
    `Soak: ${MINUTES} min, ${TABS} ticket tabs, all traffic answered in the browser by the fake.`,
  );
  console.log(
    'min | actions | API req | SW heap MB | page heap MB | page listeners | script listeners | badges | blocked',
  );
  const samples: Sample[] = [];
  let actions = 0;
  let step = 0;
  let minuteStart = Date.now();
  let requestsBefore = 0;
  while (samples.length < MINUTES) {
    const page = pages[step % TABS]!;
    await page.bringToFront();
    await act(page, step).catch(() => 'failed');
    actions++;
    step++;
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 1_500));
    if (Date.now() - minuteStart < 60_000) continue;

    await Promise.all(sessions.map((s) => s.send('HeapProfiler.collectGarbage')));
    const heaps = await Promise.all(sessions.map((s) => s.send('Runtime.getHeapUsage')));
    const pageListeners = await Promise.all(sessions.map((s) => listenersOn(s)));
    const scriptListeners = await Promise.all(
      sessions.map((s, i) => {
        const world = scriptWorlds[i]!();
        return world === undefined ? null : listenersOn(s, world).catch(() => null);
      }),
    );
    const counted = scriptListeners.filter((n): n is number => n !== null);
    const badges = await Promise.all(
      pages.map((p) => p.evaluate(() => document.querySelectorAll('cobrowse-badge').length)),
    );
    const sample: Sample = {
      minute: samples.length + 1,
      actions,
      apiRequests: fake.requests.length - requestsBefore,
      swHeapMb: await workerHeap(sessions[0]!, extensionId),
      pageHeapMb: Math.max(...heaps.map((h) => h.usedSize / 2 ** 20)),
      pageListeners: Math.max(...pageListeners),
      scriptListeners: counted.length ? Math.max(...counted) : null,
      badges: Math.max(...badges),
      blocked: blocked.length,
    };
    samples.push(sample);
    console.log(
      [
        sample.minute,
        sample.actions,
        sample.apiRequests,
        sample.swHeapMb?.toFixed(1) ?? 'stopped',
        sample.pageHeapMb.toFixed(1),
        sample.pageListeners,
        sample.scriptListeners ?? 'no script',
        sample.badges,
        sample.blocked,
      ].join(' | '),
    );
    actions = 0;
    requestsBefore = fake.requests.length;
    minuteStart = Date.now();
  }
  mkdirSync(resolve(ROOT, 'artifacts'), { recursive: true });
  writeFileSync(resolve(ROOT, 'artifacts/soak.json'), JSON.stringify({ samples }, null, 2));
  const perMinute = samples.map((s) => s.apiRequests);
  console.log(
    `Done. API requests per minute: max ${Math.max(0, ...perMinute)}, ` +
      `mean ${(perMinute.reduce((a, b) => a + b, 0) / Math.max(1, perMinute.length)).toFixed(1)}; ` +
      `most badges on one page at once: ${Math.max(0, ...samples.map((s) => s.badges))}; ` +
      `listeners on window and document, most on one page: page ${Math.max(0, ...samples.map((s) => s.pageListeners))}, ` +
      `content script ${Math.max(0, ...samples.map((s) => s.scriptListeners ?? 0))}; ` +
      `heap first → last minute: worker ${trend(samples.map((s) => s.swHeapMb))}, ` +
      `pages ${trend(samples.map((s) => s.pageHeapMb))}; ` +
      `requests blocked (left the fake): ${blocked.length}; ` +
      `samples in artifacts/soak.json.`,
  );
  await stop();
}

await main();
