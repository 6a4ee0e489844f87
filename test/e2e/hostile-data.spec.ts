import type { Page } from '@playwright/test';
import { HOSTILE_PAYLOAD, SEED_IDS } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk } from './support/helpdesk';
import { tabIdOf } from './support/worker';

// A ticket whose every field is an attack (name, ids, subject, a spoofed CC), resolved to the
// seeded visitor whose every API field is one too. What reaches the agent is inert text: no
// script runs, no element is made from it, and the spoofed CC is not taken for the customer.

/** Every dialog a script would open, and every error thrown, on a page. */
function watch(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

test('hostile ticket and API data reach the badge, the toolbar and the popup as text only', async ({
  context,
  serviceWorker,
  extensionId,
  fake,
}) => {
  await configureExtension(serviceWorker);
  await serveHelpdesk(context, {
    origin: 'https://acme.zendesk.com',
    page: 'zendesk/ticket.html',
    json: { '/api/v2/tickets/666.json?include=users': 'zendesk/ticket-666.json' },
  });
  const page = await context.newPage();
  const onPage = watch(page);
  await page.goto('https://acme.zendesk.com/agent/tickets/666');

  // The badge calls the customer by the first word of their name: here, of the payload, as text.
  await badgeOf(page).hasText(
    `Co-browse with ${HOSTILE_PAYLOAD.split(' ')[0]} · Waiting for a call`,
  );
  // The seeded visitor's name is an <img onerror> payload: it is in the words, not the DOM.
  await badgeOf(page).hasName(
    `Co-browse: ${HOSTILE_PAYLOAD} is waiting for a call. Start co-browsing.`,
  );
  const inBadge = (await badgeOf(page).read())!.elements;
  // Exactly the badge's own five elements (its dot is the <i>): nothing made from the data.
  expect(inBadge.sort()).toEqual(['button', 'i', 'p', 'span', 'style']);
  // The customer is the requester's address, normalised; the CC posing as support is ignored.
  const asked = fake.requests
    .filter((r) => r.path.endsWith('/list.json'))
    .map((r) => r.query.search);
  expect(asked).toContain('hostile@example.com');
  expect(asked.join(' ')).not.toMatch(/script|svg|<|>/);

  const tabId = await tabIdOf(page, serviceWorker);
  const tooltip = await serviceWorker.evaluate(
    (id) => chrome.action.getTitle({ tabId: id }),
    tabId,
  );
  expect(tooltip).toContain(HOSTILE_PAYLOAD);

  const popup = await context.newPage();
  const inPopup = watch(popup);
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
  const card = popup.getByTestId('visitor');
  await expect(card.getByRole('heading', { name: HOSTILE_PAYLOAD })).toBeVisible();
  await expect(card).toContainText('Evil City');
  expect(await card.locator('img, svg, iframe, script, b, i').count()).toBe(0);
  for (const href of await popup
    .locator('a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^https:\/\//);
  }

  // Starting works, and goes to Upscope's watch URL, never to the visitor's javascript: link.
  const opened = context.waitForEvent('page');
  await badgeOf(page).click();
  await expect(await opened).toHaveURL(/^https:\/\/o\.upscope\.io\//);
  expect(fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.hostile]);

  await page.bringToFront();
  const { x, y } = await badgeOf(page).isVisible();
  await page.mouse.move(x, y);
  await page.waitForTimeout(300);
  expect(onPage).toEqual({ dialogs: [], errors: [] });
  expect(inPopup).toEqual({ dialogs: [], errors: [] });
});
