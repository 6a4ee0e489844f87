import { SEED_IDS, type FakeUpscope } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { tabIdOf } from './support/worker';

// What a customer writes on a ticket (their display name, a code in the text) proves nothing
// about who they are: a name is searched as plain words only, and a visitor found by a name or
// a code is a possible match the badge never starts with one click.

const TICKETS = {
  ...ZENDESK,
  json: {
    ...ZENDESK.json,
    '/api/v2/tickets/140.json?include=users': 'zendesk/ticket-140-name-operator.json',
    '/api/v2/tickets/141.json?include=users': 'zendesk/ticket-141-code-in-text.json',
  },
};

function searches(fake: FakeUpscope): string[] {
  return fake.requests
    .filter((r) => r.path.endsWith('/list.json') && r.query.search)
    .map((r) => r.query.search!);
}

test.beforeEach(async ({ serviceWorker, context }) => {
  await configureExtension(serviceWorker);
  await serveHelpdesk(context, TICKETS);
});

test('a requester named id:user-1001 from an unknown address is not taken for Jane Doe', async ({
  context,
  fake,
}) => {
  const page = await context.newPage();
  await page.goto(`${ZENDESK.origin}/agent/tickets/140`);
  const badge = badgeOf(page);
  await badge.hasText('No visitor found');
  expect((await badge.read())?.name).not.toMatch(/Jane/);
  expect(searches(fake)).not.toContain('id:user-1001');
  expect(searches(fake)).toContain('someone.new@example.net');

  await badge.click();
  await page.waitForTimeout(500);
  expect(fake.watchSessions).toEqual([]);
  expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
});

test('a lookup code written in the ticket finds only a possible match: a click starts nothing', async ({
  context,
  fake,
}) => {
  const page = await context.newPage();
  await page.goto(`${ZENDESK.origin}/agent/tickets/141`);
  const badge = badgeOf(page);
  await badge.hasText('Possible match — check');
  await badge.hasName(/check in the popup/);
  expect(searches(fake)).toContain('4821');

  await badge.click();
  await badge.hasNote(/check in the popup/);
  await badge.click();
  await page.waitForTimeout(500);
  expect(fake.watchSessions).toEqual([]);
  expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
});

test('the popup says which code matched, and its Start button is the agent’s one deliberate click', async ({
  context,
  serviceWorker,
  extensionId,
  fake,
}) => {
  const page = await context.newPage();
  await page.goto(`${ZENDESK.origin}/agent/tickets/141`);
  await badgeOf(page).hasText('Possible match — check');
  const tabId = await tabIdOf(page, serviceWorker);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
  await expect(popup.getByTestId('possible-match')).toHaveText(
    /^Matched the code 4821 written in the ticket\./,
  );
  expect(fake.watchSessions).toEqual([]);
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Start co-browsing' }).click();
  await expect(await opened).toHaveURL(/^https:\/\/o\.upscope\.io\//);
  expect(fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.lookupCode]);
});

test('a customer found by their Zendesk user id is one click, and the code in the ticket is not searched', async ({
  context,
  fake,
}) => {
  await serveHelpdesk(context, {
    ...ZENDESK,
    json: { '/api/v2/tickets/125.json?include=users': 'zendesk/ticket-125-no-email.json' },
  });
  const page = await context.newPage();
  // Ticket 125: the requester's Zendesk user id is known to Upscope, and the text holds a code.
  await page.goto(`${ZENDESK.origin}/agent/tickets/125`);
  const badge = badgeOf(page);
  await badge.hasName(/Alex Kim/);
  expect((await badge.read())?.text).not.toBe('Possible match — check');
  expect(searches(fake)).toEqual(['integration_id:zendesk:3901']);
  await badge.click();
  await expect.poll(() => fake.watchSessions.length).toBe(1);
});
