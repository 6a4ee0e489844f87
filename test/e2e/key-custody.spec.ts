import type { Page } from '@playwright/test';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, readBadge, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { sendFromPage } from './support/worker';

const SENTINEL = 'SENTINEL-KEY-e2e-4b7d01';

test('a content-script context cannot read the key from extension storage', async ({
  context,
  serviceWorker,
  extensionId,
  fake,
}) => {
  fake.setKey(SENTINEL, 'ok');
  await configureExtension(serviceWorker, { apiKey: SENTINEL });
  await context.route('https://acme.zendesk.com/agent/tickets/1', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Ticket 1</title><main>Ticket</main>' }),
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const contexts: { id: number; origin: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) =>
    contexts.push({ id: c.id, origin: c.origin, type: c.auxData?.type }),
  );
  await cdp.send('Runtime.enable');
  await page.goto('https://acme.zendesk.com/agent/tickets/1');

  // The content script's isolated world: the extension's origin, inside the helpdesk page.
  await expect
    .poll(() => contexts.find((c) => c.type === 'isolated' && c.origin.includes(extensionId)))
    .toBeTruthy();
  const isolated = contexts.find((c) => c.type === 'isolated' && c.origin.includes(extensionId))!;
  const read = async (area: 'local' | 'session') => {
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        try { return JSON.stringify(await chrome.storage.${area}.get(null)); }
        catch (e) { return 'refused: ' + e.message; }
      })()`,
    });
    return String(result.value);
  };
  const local = await read('local');
  const session = await read('session');
  expect(local).not.toContain(SENTINEL);
  expect(session).not.toContain(SENTINEL);
  // Both areas are closed to content scripts altogether, not merely missing the key.
  expect(local).toMatch(/^refused: /);
  expect(session).toMatch(/^refused: /);
});

/**
 * Everything a page shows or holds in its DOM, open shadow roots and attributes included, and
 * what the badge's closed root shows the agent.
 */
async function pageText(page: Page): Promise<string> {
  const dom = await page.evaluate(() => {
    const dump = (root: ParentNode): string =>
      [...root.querySelectorAll('*')]
        .map((el) => {
          const attrs = [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
          const inner = el.shadowRoot ? dump(el.shadowRoot) + el.shadowRoot.textContent : '';
          return `${el.tagName} ${attrs} ${inner}`;
        })
        .join('\n');
    return `${document.title}\n${dump(document)}\n${document.documentElement.textContent}`;
  });
  return `${dom}\n${JSON.stringify(await readBadge(page))}`;
}

test('the key appears in no page, shadow root, content-script message, log or request except to the API', async ({
  context,
  serviceWorker,
  extensionId,
  fake,
}) => {
  fake.setKey(SENTINEL, 'ok');
  await configureExtension(serviceWorker, { apiKey: SENTINEL });
  const logs: string[] = [];
  context.on('console', (m) => logs.push(m.text()));
  serviceWorker.on('console', (m) => logs.push(m.text()));
  await serveHelpdesk(context, ZENDESK);
  // Registered last, so it sees every request first (the worker's too) and passes it on.
  const requests: { url: string; carried: boolean }[] = [];
  await context.route('**/*', async (route) => {
    const r = route.request();
    const all = `${r.url()} ${JSON.stringify(await r.allHeaders())} ${r.postData() ?? ''}`;
    requests.push({ url: r.url(), carried: all.includes(SENTINEL) });
    await route.fallback();
  });

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) =>
    worlds.push({ id: c.id, origin: c.origin, type: c.auxData?.type }),
  );
  await cdp.send('Runtime.enable');
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  await badgeOf(page).hasText('Co-browse with Jane · Online');

  // Inside the content script's world: record every message it receives and every reply.
  const world = worlds.find((c) => c.type === 'isolated' && c.origin.includes(extensionId))!;
  await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `(() => {
      const seen = (globalThis.__seen = []);
      chrome.runtime.onMessage.addListener((m) => { seen.push(JSON.stringify(m)); });
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      chrome.runtime.sendMessage = async (m) => {
        const reply = await send(m);
        seen.push(JSON.stringify(reply));
        return reply;
      };
    })()`,
  });

  // Traffic of every kind: another ticket, a start, a failure, a refused key and its words.
  await page.click('#open-124');
  await badgeOf(page).hasText(/ · seen \d+[mhd] ago$/);
  await page.goBack();
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  fake.injectFault({ match: { method: 'POST' }, status: 500 });
  await badgeOf(page).click();
  await badgeOf(page).hasNote(/problems/);
  const opened = context.waitForEvent('page');
  await badgeOf(page).click();
  await opened;
  fake.revokeKey(SENTINEL);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const tested = await sendFromPage(options, { type: 'connection/test' });
  expect(tested.ok).toBe(false);
  await serviceWorker.evaluate(() =>
    chrome.alarms.create('presence-refresh', { when: Date.now() + 50 }),
  );
  await badgeOf(page).hasText('Set up');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  await popup.waitForTimeout(1_000);

  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    returnByValue: true,
    expression: 'JSON.stringify(globalThis.__seen)',
  });
  const seen = (JSON.parse(String(result.value)) as string[]).join('\n');
  expect(seen).toContain('badge/update');
  expect(seen).toContain('"opened"');
  expect(seen).not.toContain(SENTINEL);
  for (const p of context.pages()) expect(await pageText(p), p.url()).not.toContain(SENTINEL);
  expect(logs.join('\n')).not.toContain(SENTINEL);
  const carriers = [
    ...new Set(requests.filter((r) => r.carried).map((r) => new URL(r.url).origin)),
  ];
  expect(carriers).toEqual(['https://api.upscope.io']);
  expect(fake.requests.length).toBeGreaterThan(3);
});
