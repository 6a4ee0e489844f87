import { SEED_IDS } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { tabIdOf } from './support/worker';

// The agent's name and ID from the helpdesk: a Zendesk ticket whose own API says who is signed in
// (GET /api/v2/users/me.json, the documented "currently authenticated user"). The agent has typed
// nothing; the popup offers the helpdesk's agent and one click on "Use" is all it takes.

test('the popup offers the helpdesk’s signed-in agent; one click on Use, then Start works', async ({
  context,
  serviceWorker,
  openExtensionPage,
  fake,
}) => {
  await configureExtension(serviceWorker, { settings: { agentName: '', agentId: '' } });
  const asked = await serveHelpdesk(context, {
    ...ZENDESK,
    json: { ...ZENDESK.json, '/api/v2/users/me.json': 'zendesk/users-me.json' },
  });
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  const tabId = await tabIdOf(page, serviceWorker);
  // Asked once, on the helpdesk's own origin, with the agent's session.
  await expect.poll(() => asked.filter((p) => p === '/api/v2/users/me.json').length).toBe(1);

  const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  const offer = popup.getByTestId('agent-proposal');
  await expect(offer).toContainText(
    'Use Sam Support (Zendesk agent 3412) as your agent name and ID?',
  );
  // Never silently: nothing is saved before the agent answers, and Start waits for them.
  const start = popup.getByRole('button', { name: 'Start co-browsing with Jane' });
  await expect(start).toBeDisabled();
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
  expect(stored.settings).toMatchObject({ agentName: '', agentId: '' });

  await offer.getByRole('button', { name: 'Use', exact: true }).click();
  await expect(offer).toHaveCount(0);
  await expect(start).toBeEnabled();
  const opened = context.waitForEvent('page');
  await start.click();
  await expect(await opened).toHaveURL(/^https:\/\/o\.upscope\.io\//);
  expect(fake.watchSessions).toHaveLength(1);
  expect(fake.watchSessions[0]!.shortId).toBe(SEED_IDS.jane);
  expect(fake.watchSessions[0]!.body).toMatchObject({
    agent: { id: 'zendesk-3412', name: 'Sam Support' },
  });
});

test('“Not now”: the offer goes, nothing is saved, and the agent can still set their own', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  await configureExtension(serviceWorker, { settings: { agentName: '', agentId: '' } });
  await serveHelpdesk(context, {
    ...ZENDESK,
    json: { ...ZENDESK.json, '/api/v2/users/me.json': 'zendesk/users-me.json' },
  });
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  const tabId = await tabIdOf(page, serviceWorker);

  const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  const offer = popup.getByTestId('agent-proposal');
  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toHaveCount(0);
  await expect(
    popup.getByText('Add your agent name and ID in the settings before you start co-browsing.'),
  ).toBeVisible();
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
  expect(stored.settings).toMatchObject({ agentName: '', agentId: '' });
  // Opened again in this browser session: not asked again.
  await popup.reload();
  await expect(
    popup.getByText('Add your agent name and ID in the settings before you start co-browsing.'),
  ).toBeVisible();
  await expect(popup.getByTestId('agent-proposal')).toHaveCount(0);
});

test('Intercom: the teammate signed in to the workspace is offered', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  await configureExtension(serviceWorker, { settings: { agentName: '', agentId: '' } });
  const asked = await serveHelpdesk(context, {
    origin: 'https://app.intercom.com',
    page: 'intercom/conversation.html',
    json: {
      '/ember/inbox/conversations/555?app_id=abc123': 'intercom/conversation-555.json',
      '/ember/admins/me.json?app_id=abc123': 'intercom/admins-me.json',
    },
  });
  const page = await context.newPage();
  await page.goto('https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/555');
  await badgeOf(page).hasName(/Alex Kim/);
  expect(asked.filter((p) => p.startsWith('/ember/admins/'))).toEqual([
    '/ember/admins/me.json?app_id=abc123',
  ]);
  const tabId = await tabIdOf(page, serviceWorker);
  const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await expect(popup.getByTestId('agent-proposal')).toContainText(
    'Use Sam Support (Intercom agent 5503945) as your agent name and ID?',
  );
});
