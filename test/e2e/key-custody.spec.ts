import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';

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
