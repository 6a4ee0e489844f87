import type { BrowserContext, Page, Worker } from '@playwright/test';
import { DEMO_API_KEY } from '../fake-upscope';
import { checkSchemes } from './support/a11y';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { tabIdOf } from './support/worker';

// "What was read on this page", in the real browser: the content script reads a Zendesk ticket
// (served from the committed fixtures, the helpdesk's JSON included), and the popup shows and
// copies what it read, including where it found nothing.

const SITE = {
  ...ZENDESK,
  json: {
    ...ZENDESK.json,
    // The requester is one of the team's agents: nothing on this ticket is a customer.
    '/api/v2/tickets/126.json?include=users': 'zendesk/ticket-126-agent-requester.json',
    // The requester wrote from a bounce address: set aside, the helpdesk's user id is kept.
    '/api/v2/tickets/127.json?include=users': 'zendesk/ticket-127-system-address.json',
  },
};

/** The popup for the page's tab, with a clipboard that keeps what it is given. */
async function popupFor(
  page: Page,
  sw: Worker,
  openExtensionPage: (path: string) => Promise<Page>,
): Promise<{ popup: Page; copied: () => Promise<string> }> {
  const tabId = await tabIdOf(page, sw);
  const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await popup.evaluate(() => {
    const w = window as unknown as { copied: string };
    w.copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void (w.copied = text) },
    });
  });
  return {
    popup,
    copied: () => popup.evaluate(() => (window as unknown as { copied: string }).copied),
  };
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${SITE.origin}${path}`);
  return page;
}

test.beforeEach(async ({ context, serviceWorker }) => {
  await configureExtension(serviceWorker);
  await serveHelpdesk(context, SITE);
});

test('a ticket where nothing is found: the popup says what was recognised, and copies it without the key', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await open(context, '/agent/tickets/126');
  await badgeOf(page).hasText('No customer');
  const { popup, copied } = await popupFor(page, serviceWorker, openExtensionPage);
  await popup.getByText('What was read on this page').click();
  const reading = popup.getByTestId('reading');
  await expect(reading).toContainText('HelpdeskZendesk');
  await expect(reading).toContainText('Ticket#126');
  await expect(reading).toContainText('Read fromnowhere: no customer email or id was found');
  await expect(reading).toContainText('Foundnone');
  await popup.getByRole('button', { name: 'Copy as text' }).click();
  await expect(popup.getByText(/^Copied\./)).toBeVisible();
  const text = await copied();
  expect(text).toMatch(/^Helpdesk Co-browse \d+\.\d+\.\d+: what was read on this page\n/);
  expect(text).toContain('Helpdesk: Zendesk\nTicket: #126\n');
  expect(text).toMatch(/\nBrowser: Mozilla\/5\.0 .+$/);
  expect(text).not.toContain(DEMO_API_KEY);
});

test('a ticket read from the helpdesk’s API shows what was found and what was set aside', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await open(context, '/agent/tickets/127');
  await badgeOf(page).isVisible();
  const { popup } = await popupFor(page, serviceWorker, openExtensionPage);
  await popup.getByText('What was read on this page').click();
  const reading = popup.getByTestId('reading');
  await expect(reading).toContainText('Read fromthe helpdesk’s own data');
  await expect(reading).toContainText('FoundZendesk user 555');
  await expect(reading).toContainText(
    'Set aside as the helpdesk’s or your ownmailer-daemon@googlemail.com',
  );
  await popup.setViewportSize({ width: 380, height: 600 });
  await checkSchemes(popup, 'test/output/screenshots/popup-reading');
});

test('a page that is not a ticket: nothing was read, and it says why that may be', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await open(context, '/agent/dashboard');
  const { popup } = await popupFor(page, serviceWorker, openExtensionPage);
  await popup.getByText('What was read on this page').click();
  await expect(popup.getByTestId('reading')).toContainText(
    'Nothing was read on this page: it is not a ticket of a helpdesk the extension knows',
  );
});
