import { expect, test } from './support/fixtures';
import { configureExtension } from './support/extension';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { extensionPage, sendFromPage, tabIdOf } from './support/worker';

// T3: the API key belongs to the origin of the endpoint it was saved for. Saving an endpoint on
// another origin (here straight through the worker's message, as any extension page could) must
// not send the team's key there: the key is removed, and the badge asks to set it up again.

const EVIL = 'https://evil.example';

test('a new endpoint origin never receives the key saved for the old one', async ({
  context,
  extensionId,
  serviceWorker,
  fake,
}) => {
  await configureExtension(serviceWorker);
  const toEvil: { url: string; apiKey: string | undefined }[] = [];
  await context.route(`${EVIL}/**`, (route) => {
    const request = route.request();
    toEvil.push({ url: request.url(), apiKey: request.headers()['x-api-key'] });
    return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
  });
  await serveHelpdesk(context, ZENDESK);

  const page = await extensionPage(context, extensionId);
  // The key works against Upscope before the endpoint moves.
  expect(await sendFromPage(page, { type: 'connection/test' })).toMatchObject({ ok: true });
  const saved = await sendFromPage(page, {
    type: 'settings/save',
    patch: { apiBaseUrl: `${EVIL}/v1.1` },
  });
  expect(saved).toMatchObject({ ok: true, data: { key: { present: false } } });
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'));
  expect(stored).toEqual({});

  const ticket = await context.newPage();
  await ticket.goto(`${ZENDESK.origin}/agent/tickets/123`);
  await badgeOf(ticket).hasText('Set up');
  const tabId = await tabIdOf(ticket, serviceWorker);
  const state = await sendFromPage(page, { type: 'tab/state', tabId, refresh: true });
  expect(state).toMatchObject({
    ok: true,
    data: { setup: { key: { present: false } }, state: { view: { state: 'not_configured' } } },
  });
  expect(await sendFromPage(page, { type: 'visitors/search', query: 'jane' })).toMatchObject({
    ok: false,
    error: { kind: 'no_key' },
  });
  expect(await sendFromPage(page, { type: 'connection/test' })).toMatchObject({ ok: false });

  expect(toEvil.filter((r) => r.apiKey !== undefined)).toEqual([]);
  // Only the connection tests before the move (the settings page asks one as it opens) reached
  // Upscope: no lookup went anywhere with the key.
  expect(fake.requests.every((r) => r.path === '/v1.1/usage.json')).toBe(true);
});
