import type { Page } from '@playwright/test';
import { SEED_IDS } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { tabIdOf } from './support/worker';

// A session from start to end on a real ticket page: what it is started with, as the fake
// Upscope receives it, and ending it from the popup.

const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/123';

async function openPopup(
  openExtensionPage: (path: string) => Promise<Page>,
  tabId: number,
): Promise<Page> {
  const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  return popup;
}

test('a session started from the ticket carries the ticket, the preset and the way back', async ({
  context,
  serviceWorker,
  openExtensionPage,
  fake,
}) => {
  await configureExtension(serviceWorker, {
    settings: { permissionsPreset: 'guide', allowConsole: true, returnToTicket: true },
  });
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto(TICKET_URL);
  await badgeOf(page).hasText('Co-browse with Jane · Online');

  // The popup says what the session will allow before the agent starts it.
  const popup = await openPopup(openExtensionPage, await tabIdOf(page, serviceWorker));
  await expect(popup.getByTestId('session-preset')).toHaveText(
    'Session: guide (draw and scroll), console access',
  );
  await popup.close();

  const opened = context.waitForEvent('page');
  await badgeOf(page).click();
  await expect(await opened).toHaveURL(/^https:\/\/o\.upscope\.io\//);
  expect(fake.watchSessions).toHaveLength(1);
  const [session] = fake.watchSessions;
  expect(session!.shortId).toBe(SEED_IDS.jane);
  // The ticket's address is the tab's, as the browser reported it; nothing else from the page.
  expect(session!.metadata).toEqual({
    helpdesk: 'zendesk',
    ticket_id: '123',
    ticket_url: TICKET_URL,
  });
  expect(session!.permissions).toEqual({
    allow_click: false,
    allow_type: false,
    allow_scroll: true,
    allow_draw: true,
    allow_audio: false,
    allow_agent_redirect: false,
    allow_console: true,
  });
  expect(session!.onEndUrl).toBe(TICKET_URL);
});

test('ending a running session from the popup, after confirming', async ({
  context,
  serviceWorker,
  openExtensionPage,
  fake,
}) => {
  await configureExtension(serviceWorker);
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto(TICKET_URL);
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  const tabId = await tabIdOf(page, serviceWorker);

  const opened = context.waitForEvent('page');
  await badgeOf(page).click();
  await opened;
  expect(fake.getVisitor(SEED_IDS.jane)?.is_in_session).toBe(true);

  const popup = await openPopup(openExtensionPage, tabId);
  const card = popup.getByTestId('visitor');
  await expect(card.locator('.presence')).toHaveText(/In a session with Joe Smith/);
  await badgeOf(page).hasText('Join Jane’s session');

  // In the "More actions" menu beside Join, not under it. Asked first; the safe choice has
  // focus, and Escape leaves the session running.
  const more = card.getByRole('button', { name: 'More actions' });
  const endItem = popup.getByRole('menuitem', { name: 'End session' });
  await expect(card.getByRole('button', { name: 'End session' })).toHaveCount(0);
  await more.click();
  await endItem.click();
  const confirm = popup.getByRole('group', { name: 'End the session with Jane Doe?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(more).toBeFocused();
  expect(fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);

  // By keyboard: open the menu (its first item is End session), Enter asks again, Tab from
  // Cancel back to the confirm button, Enter.
  await popup.keyboard.press('Enter');
  await expect(endItem).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await popup.keyboard.press('Shift+Tab');
  await expect(confirm.getByRole('button', { name: 'End the session' })).toBeFocused();
  await popup.keyboard.press('Enter');

  await expect(popup.getByText('The session with Jane Doe has ended.')).toBeAttached();
  expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => [r.path, r.status])).toEqual(
    [[`/v1.1/visitors/${SEED_IDS.jane}/session`, 200]],
  );
  expect(fake.getVisitor(SEED_IDS.jane)?.is_in_session).toBe(false);
  await expect(card.locator('.presence')).not.toHaveText(/In a session/);
  await more.click();
  await expect(popup.getByRole('menuitem', { name: 'Forget this visitor…' })).toBeVisible();
  await expect(endItem).toHaveCount(0);
  // The ticket's own badge follows.
  await badgeOf(page).hasText('Co-browse with Jane · Online');
});
