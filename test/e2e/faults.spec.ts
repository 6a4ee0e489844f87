import type { BrowserContext, Page } from '@playwright/test';
import { SEED_IDS, type FakeUpscope } from '../fake-upscope';
import { configureExtension, DEMO_AGENT } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { extensionPage, sendFromPage, stopServiceWorker } from './support/worker';

// What an agent sees on a ticket while Upscope misbehaves, and how it comes back. Each test:
// the message is clear and true, the request count stays bounded, and the badge recovers on
// its own once the fault ends (the presence alarm is fired rather than waited 30 s for).

const TICKET = 'https://acme.zendesk.com/agent/tickets/123';

async function openTicket(context: BrowserContext): Promise<Page> {
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto(TICKET);
  return page;
}

/** The next presence refresh, now: what the periodic alarm would do when it comes round. */
async function presenceTick(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(() => chrome.alarms.create('presence-refresh', { when: Date.now() + 50 }));
}

const searches = (fake: FakeUpscope) => fake.requests.filter((r) => r.path.endsWith('/list.json'));

async function title(page: Page): Promise<string | null> {
  return (await badgeOf(page).read())?.title ?? null;
}

test.beforeEach(async ({ serviceWorker }) => {
  await configureExtension(serviceWorker);
});

test('a slow API: "Checking…", then a clear timeout after two tries, then back on its own', async ({
  context,
  fake,
}) => {
  // Two tries of 8 s each are the product's rule, so this test cannot take less than 16 s.
  fake.injectFault({ match: { path: '/list.json' }, latencyMs: 9_000, times: 2 });
  const page = await openTicket(context);
  await badgeOf(page).hasText('Checking…');
  await badgeOf(page).hasText('Unavailable', { timeout: 20_000 });
  expect(await title(page)).toBe('Upscope did not answer in time. Try again.');
  expect(searches(fake)).toHaveLength(2);

  await presenceTick(context);
  await badgeOf(page).hasText('Co-browse with Jane · Online');
});

test('a 429 with a short Retry-After is waited out by the client: the agent sees only the answer', async ({
  context,
  fake,
}) => {
  fake.injectFault({ match: { path: '/list.json' }, status: 429, retryAfter: 1, times: 1 });
  const page = await openTicket(context);
  await badgeOf(page).hasText('Co-browse with Jane · Online', { timeout: 8_000 });
  const [first, second] = searches(fake);
  expect([first!.status, second!.status]).toEqual([429, 200]);
  expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_000);
});

test('a 429 asking for a long pause stops every call, in every tab, until it has passed', async ({
  context,
  fake,
}) => {
  fake.injectFault({ match: { path: '/list.json' }, status: 429, retryAfter: 6, times: Infinity });
  const page = await openTicket(context);
  await badgeOf(page).hasText('Paused');
  // When it looks again, as a time of day: not "the last answer is shown".
  expect(await title(page)).toMatch(
    /^Upscope asked for a pause\. Retrying at \d{1,2}:\d{2}\s?([AP]M)?\.$/,
  );
  expect(searches(fake)).toHaveLength(1);

  // Another ticket during the pause: refused without a request.
  await page.click('#open-124');
  await badgeOf(page).hasText('Paused');
  expect(searches(fake)).toHaveLength(1);

  fake.clearFaults();
  await page.waitForTimeout(6_000);
  await presenceTick(context);
  await badgeOf(page).hasText(/ · seen \d+[mhd] ago$/);
});

test('during a long pause the options page says until when, and neither opening it nor "Test connection" calls Upscope', async ({
  context,
  fake,
  openExtensionPage,
}) => {
  fake.injectFault({ match: { path: '/list.json' }, status: 429, retryAfter: 120, times: 1 });
  const page = await openTicket(context);
  await badgeOf(page).hasText('Paused');
  const before = fake.requests.length;

  const options = await openExtensionPage('src/options/index.html');
  const until = /Upscope asked for a pause until \d{1,2}:\d{2}(\s[AP]M)?: nothing is sent/;
  await expect(options.getByRole('region', { name: 'Team usage' })).toContainText(until);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.locator('#test-result')).toContainText(until);
  expect(fake.requests.slice(before)).toEqual([]);
});

for (const [name, fault, words] of [
  ['5xx errors', { status: 503 }, /^Upscope is having problems right now/],
  ['malformed JSON', { malformed: true }, /^Upscope sent an answer the extension cannot read/],
  [
    'dropped connections',
    { drop: true },
    'Could not reach Upscope. Check your network connection and the API endpoint.',
  ],
] as const) {
  test(`${name}: said plainly, retried once, then recovered`, async ({ context, fake }) => {
    fake.injectFault({ match: { path: '/list.json' }, ...fault, times: Infinity });
    const page = await openTicket(context);
    await badgeOf(page).hasText('Unavailable', { timeout: 10_000 });
    expect(await title(page)).toMatch(words);
    expect(searches(fake).length).toBeLessThanOrEqual(2);

    // Clicking explains rather than starting anything.
    await badgeOf(page).click();
    await badgeOf(page).hasNote(words);
    expect(fake.watchSessions).toEqual([]);

    fake.clearFaults();
    await presenceTick(context);
    await badgeOf(page).hasText('Co-browse with Jane · Online');
  });
}

test('the API endpoint redirects: "Set up", the redirect not followed, and back once it stops', async ({
  context,
  fake,
}) => {
  const followed: string[] = [];
  await context.route('https://login.example.com/**', async (route) => {
    followed.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
  });
  fake.injectFault({
    match: { path: '/list.json' },
    redirectTo: 'https://login.example.com/sso',
    times: Infinity,
  });
  const page = await openTicket(context);
  await badgeOf(page).hasText('Set up', { timeout: 10_000 });
  // A service worker sees an opaque redirect: it cannot tell where, so it does not say.
  expect(await title(page)).toBe(
    'The API endpoint redirects somewhere else, so nothing was sent there. Check the API endpoint in the settings.',
  );
  expect(searches(fake)).toHaveLength(1);
  expect(followed).toEqual([]);

  fake.clearFaults();
  await presenceTick(context);
  await badgeOf(page).hasText('Co-browse with Jane · Online');
});

test('the network goes away and comes back', async ({ context, fake }) => {
  const page = await openTicket(context);
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  // The fake stops answering at all, as when the connection drops.
  fake.injectFault({ drop: true, times: Infinity });
  await expect.poll(() => fake.pendingFaults().length).toBe(1);
  await page.click('#open-124');
  await badgeOf(page).hasText('Unavailable', { timeout: 10_000 });
  expect(await title(page)).toBe(
    'Could not reach Upscope. Check your network connection and the API endpoint.',
  );

  fake.clearFaults();
  await presenceTick(context);
  await badgeOf(page).hasText(/ · seen \d+[mhd] ago$/);
  // The ticket looked up before the outage still starts co-browsing from its cached visitor.
  await page.goBack();
  await badgeOf(page).hasText('Co-browse with Jane · Online');
});

test('the key revoked mid-session: "Set up" with the reason, no more calls, back once a new key is saved', async ({
  context,
  extensionId,
  fake,
}) => {
  const page = await openTicket(context);
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  fake.revokeKey('demo-key');

  // The next lookup is refused: the badge says what to fix.
  await page.click('#open-124');
  await badgeOf(page).hasText('Set up');
  expect(await title(page)).toMatch(/does not accept this API key/);
  const refused = fake.requests.length;

  // A refused key stops everything: refreshes and other tickets make no request.
  await presenceTick(context);
  await page.goBack();
  await badgeOf(page).hasText('Set up');
  await page.goForward();
  await page.waitForTimeout(500);
  expect(fake.requests.length).toBe(refused);

  fake.setKey('replacement-key-2f9c1e', 'ok');
  const settings = await extensionPage(context, extensionId);
  const saved = await sendFromPage(settings, {
    type: 'key/save',
    apiKey: 'replacement-key-2f9c1e',
  });
  expect(saved).toMatchObject({ ok: true, data: { outcome: 'valid' } });
  await presenceTick(context);
  await badgeOf(page).hasText(/ · seen \d+[mhd] ago$/);
  // The agent they had set is untouched by all of this.
  const kept = await sendFromPage(settings, { type: 'settings/get' });
  expect(kept.data.settings).toMatchObject(DEMO_AGENT);
});

test.describe('in a browser of its own (the worker is stopped or reloaded)', () => {
  test.use({ freshBrowser: true });

  test('the service worker stopped between the lookup and the click: one click, one session, one request', async ({
    context,
    extensionId,
    fake,
  }) => {
    const page = await openTicket(context);
    await badgeOf(page).hasText('Co-browse with Jane · Online');
    await stopServiceWorker(context, extensionId);
    const before = fake.requests.length;

    const opened = context.waitForEvent('page');
    await badgeOf(page).click();
    await expect(await opened).toHaveURL(/^https:\/\/o\.upscope\.io\//);
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1.1/visitors/${SEED_IDS.jane}/watch_url.json`,
    ]);
  });
});

test('a start that fails says why and starts nothing; the next click starts exactly one session', async ({
  context,
  fake,
}) => {
  const page = await openTicket(context);
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  fake.injectFault({ match: { method: 'POST' }, status: 502 });
  await badgeOf(page).click();
  await badgeOf(page).hasNote(/Upscope is having problems/);
  expect(fake.watchSessions).toEqual([]);

  const opened = context.waitForEvent('page');
  await badgeOf(page).click();
  await expect(await opened).toHaveURL(/^https:\/\/o\.upscope\.io\//);
  expect(fake.watchSessions).toHaveLength(1);
});

test('a hostile page changing tickets and the DOM nonstop stays within the per-tab request budget', async ({
  context,
  fake,
}) => {
  const page = await openTicket(context);
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  // 80 ticket changes and thousands of mutations in four seconds, each with a new customer: far
  // past the budget, which allows 12 lookups a minute.
  await page.evaluate(async () => {
    const ticket = document.querySelector('[data-side-conversations-anchor-id="123"]')!;
    const avatar = ticket.querySelector<HTMLImageElement>('#editor-view img')!;
    for (let i = 0; i < 80; i++) {
      history.pushState({}, '', `/agent/tickets/${1000 + i}`);
      for (let j = 0; j < 50; j++) document.body.append(document.createElement('div'));
      ticket.setAttribute('data-side-conversations-anchor-id', String(1000 + i));
      avatar.alt = `customer${i}@example.com`;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await page.waitForTimeout(1_000);
  // The per-tab budget is 12 searches a minute; the first ticket's lookup came before it.
  expect(searches(fake).length).toBeLessThanOrEqual(12 + 2);
  // The last ticket's customer is past the budget: the badge says so instead of asking.
  await badgeOf(page).hasText('Paused');
  expect(await title(page)).toMatch(/too many lookups.* Retrying at \d{1,2}:\d{2}/);
});
