import { SEED_IDS } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { extensionPage, sendFromPage, stopServiceWorker, tabIdOf } from './support/worker';

test('saving a key checks it with Upscope: a valid key is kept, an invalid one refused', async ({
  context,
  extensionId,
  serviceWorker,
  fake,
}) => {
  await configureExtension(serviceWorker, { apiKey: null });
  const page = await extensionPage(context, extensionId);
  const refused = await sendFromPage(page, { type: 'key/save', apiKey: 'wrong-key' });
  expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_api_key' } });
  const kept = await sendFromPage(page, { type: 'key/save', apiKey: 'demo-key' });
  expect(kept).toMatchObject({
    ok: true,
    data: { outcome: 'valid', key: { present: true, hint: '-key' } },
  });
  expect(fake.requests.map((r) => [r.path, r.status])).toEqual([
    ['/v1.1/usage.json', 401],
    ['/v1.1/usage.json', 200],
  ]);
});

test('starting co-browsing opens the watch URL beside the ticket, with agent and branding', async ({
  context,
  extensionId,
  serviceWorker,
  fake,
}) => {
  await configureExtension(serviceWorker, {
    settings: {
      branding: { naked: true, noBottomBar: false, retryUrl: 'https://help.acme.com/retry' },
    },
  });
  await context.route('https://acme.zendesk.com/agent/tickets/123', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Ticket 123</title><h1>Ticket</h1>' }),
  );
  const ticket = await context.newPage();
  await ticket.goto('https://acme.zendesk.com/agent/tickets/123');
  const ticketTab = await tabIdOf(ticket, serviceWorker);
  const page = await extensionPage(context, extensionId);

  const opened = context.waitForEvent('page');
  const reply = await sendFromPage(page, {
    type: 'cobrowse/start',
    shortId: SEED_IDS.jane,
    tabId: ticketTab,
  });
  expect(reply).toMatchObject({ ok: true, data: { opened: 'tab' } });
  const session = await opened;
  // The tab opens before Playwright can attach to it; its first load may miss the route and is
  // retried by Chromium, so wait for the settled page rather than the first one.
  await expect(session).toHaveURL(fake.watchSessions[0]!.watchUrl);
  await expect(session).toHaveTitle(/Co-browsing session/);
  expect(fake.watchSessions[0]!.body).toEqual({
    agent: { id: 'agent-7', name: 'Joe Smith' },
    branding: { naked: true, no_bottom_bar: false, retry_url: 'https://help.acme.com/retry' },
  });
  // Beside the ticket: the tab right after it, in the same window.
  const placement = await serviceWorker.evaluate(
    async ([ticketId, sessionTabId]) => {
      const [a, b] = await Promise.all([chrome.tabs.get(ticketId), chrome.tabs.get(sessionTabId)]);
      return { next: b.index === a.index + 1, sameWindow: a.windowId === b.windowId };
    },
    [ticketTab, reply.data.tabId] as const,
  );
  expect(placement).toEqual({ next: true, sameWindow: true });
});

test.describe('in a browser of its own (the worker is stopped or reloaded)', () => {
  test.use({ freshBrowser: true });

  test('lookups survive the service worker being stopped: the cache lives in storage.session', async ({
    context,
    extensionId,
    serviceWorker,
    fake,
  }) => {
    await configureExtension(serviceWorker);
    const page = await extensionPage(context, extensionId);
    const first = await sendFromPage(page, {
      type: 'visitors/search',
      query: 'sam.lee@example.com',
    });
    expect(first.data.visitors.map((v: { short_id: string }) => v.short_id)[0]).toBe(
      SEED_IDS.samMobile,
    );
    // The settings page these are sent from asks for the team's usage on its own: count searches.
    const searches = () => fake.requests.filter((r) => r.path === '/v1.1/list.json');
    expect(searches()).toHaveLength(1);

    await serviceWorker.evaluate(() => Object.assign(globalThis, { marker: 'first worker' }));
    await stopServiceWorker(context, extensionId);
    const again = await sendFromPage(page, {
      type: 'visitors/search',
      query: 'sam.lee@example.com',
    });
    // A fresh worker answered: the first one's globals are gone.
    const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId))!;
    expect(await worker.evaluate(() => (globalThis as { marker?: string }).marker)).toBeUndefined();
    expect(again).toEqual(first);
    expect(searches()).toHaveLength(1);

    const other = await sendFromPage(page, {
      type: 'visitors/search',
      query: 'maria.garcia@example.com',
    });
    expect(other).toMatchObject({ ok: true, data: { candidates: [{ state: 'waiting' }] } });
    expect(searches()).toHaveLength(2);
  });
});
