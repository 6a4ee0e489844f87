import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { SEED_IDS } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { checkSchemes } from './support/a11y';
import { expect, test } from './support/fixtures';
import { tabIdOf } from './support/worker';

// The popup is opened as a page with `?tab=<id>`, so it speaks for that tab as the toolbar popup
// would. A ticket tab is a routed page whose worker state is seeded the way the content script
// leaves it (helpdesk + identities); every lookup after that is the worker's own, against the
// fake Upscope server.

const SHOTS = 'test/output/screenshots';
mkdirSync(SHOTS, { recursive: true });

let ticketCount = 0;

async function openTab(
  context: BrowserContext,
  sw: Worker,
): Promise<{ page: Page; tabId: number }> {
  const url = `https://desk.example.test/tickets/${++ticketCount}`;
  await context.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Ticket</title><h1>Ticket</h1>' }),
  );
  const page = await context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(page, sw) };
}

/** A tab the worker knows as a Zendesk ticket whose customer has these identities. */
async function openTicket(
  context: BrowserContext,
  sw: Worker,
  identities: Record<string, string>,
): Promise<{ page: Page; tabId: number }> {
  const tab = await openTab(context, sw);
  await sw.evaluate(
    async ({ tabId, identities }) => {
      await chrome.storage.session.set({
        [`tab:${tabId}`]: {
          helpdesk: 'zendesk',
          ticketId: '4021',
          identities,
          visible: true,
          view: {
            state: 'not_found',
            label: 'No visitor found',
            title: 'No Upscope visitor matches this customer.',
            canStart: false,
          },
          visitors: [],
          candidates: [],
          ambiguous: false,
          tied: 0,
          updatedAt: Date.now(),
        },
      });
    },
    { tabId: tab.tabId, identities },
  );
  return tab;
}

async function openPopup(
  openExtensionPage: (path: string) => Promise<Page>,
  tabId: number,
): Promise<Page> {
  const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  return popup;
}

/** axe in light and dark, and a screenshot of each for review. */
async function checkState(page: Page, name: string): Promise<void> {
  // Wait for the freshness line to settle, so the picture is of the state and not of a spinner.
  await expect(page.getByText('Checking Upscope…')).toHaveCount(0);
  await checkSchemes(page, `${SHOTS}/popup-${name}`);
}

const card = (page: Page) => page.getByTestId('visitor');
/** The button names who it starts with: "Start co-browsing with Jane". */
const startButton = (page: Page) => page.getByRole('button', { name: /^Start co-browsing with / });
const moreActions = (page: Page) => page.getByRole('button', { name: 'More actions' });

/** The card's action is on screen in a 380×600 popup, without scrolling. */
async function expectActionInView(page: Page, action: Locator): Promise<void> {
  await expect(action).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = (await action.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(600);
}

test.describe('setup states', () => {
  test('no key yet: says so and opens the settings', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker, { apiKey: null });
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(popup.getByText('Add your Upscope API key')).toBeVisible();
    await expect(card(popup)).toHaveCount(0);
    await checkState(popup, 'no-key');
    const opened = context.waitForEvent('page');
    await popup.locator('.slot').getByRole('button', { name: 'Open settings' }).click();
    await expect(await opened).toHaveURL(/src\/options\/index\.html/);
  });

  test('invalid key: Upscope refused it, the agent is sent to the settings', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker, { apiKey: 'not-a-real-key' });
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(popup.getByText('Upscope refused the API key')).toBeVisible();
    await expect(
      popup.getByText('Upscope does not accept this API key.', { exact: false }),
    ).toBeVisible();
    await expect(
      popup.locator('.slot').getByRole('button', { name: 'Open settings' }),
    ).toBeVisible();
    await checkState(popup, 'invalid-key');
  });

  test('subscription expired', async ({ context, serviceWorker, openExtensionPage, fake }) => {
    fake.setKey('demo-key', 'subscription_expired');
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(popup.getByText('subscription has expired', { exact: false })).toBeVisible();
    await checkState(popup, 'expired');
  });

  test('API not enabled on the plan', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    fake.setKey('demo-key', 'api_not_enabled');
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(
      popup.getByText('does not include REST API access', { exact: false }),
    ).toBeVisible();
  });
});

test.describe('the ticket’s customer', () => {
  test('online: every fact, the start button on, first paint from the cache', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const first = await openPopup(openExtensionPage, tabId);
    const visitor = card(first);
    await expect(visitor.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
    await expect(visitor.locator('.presence')).toHaveText('●Online');
    await expect(visitor).toContainText('Desktop');
    await expect(visitor).toContainText('Chrome 126');
    await expect(visitor).toContainText('New York, NY, United States');
    await expect(visitor).toContainText('#vip');
    await expect(visitor).toContainText('id:user-1001');
    const lastPage = visitor.getByRole('link', { name: 'shop.example.com/account/billing' });
    await expect(lastPage).toHaveAttribute('href', 'https://shop.example.com/account/billing');
    await expect(lastPage).toHaveAttribute('target', '_blank');
    await expect(lastPage).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(first.getByRole('button', { name: 'Start co-browsing with Jane' })).toBeEnabled();
    await expect(first.getByText('Zendesk · #4021')).toBeVisible();
    await checkState(first, 'online');
    await first.close();

    // Opened again with Upscope slow and the lookup cache gone: the worker's stored answer is on
    // screen at once, while the fresh lookup is still on its way.
    await serviceWorker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      await chrome.storage.session.remove(Object.keys(all).filter((k) => k.startsWith('lookup:')));
    });
    fake.setLatency(1_500);
    const requestsBefore = fake.requests.length;
    const again = await openPopup(openExtensionPage, tabId);
    await expect(card(again).getByRole('heading', { name: 'Jane Doe' })).toBeVisible({
      timeout: 1_000,
    });
    await expect(again.getByText('Checking Upscope…')).toBeVisible();
    await expect(again.getByText('Checking Upscope…')).toHaveCount(0, { timeout: 10_000 });
    expect(fake.requests.length).toBeGreaterThan(requestsBefore);
  });

  test('waiting for a call: prominent', async ({ context, serviceWorker, openExtensionPage }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, {
      email: 'maria.garcia@example.com',
    });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(card(popup).getByText('Waiting for a call: they asked for help')).toBeVisible();
    await expect(card(popup).locator('.presence')).toHaveText(/Waiting for a call/);
    await expect(startButton(popup)).toBeEnabled();
    await checkState(popup, 'waiting');
  });

  test('in a session: with which agents, starting joins it', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, {
      email: 'priya.patel@example.com',
    });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(card(popup).locator('.presence')).toHaveText(/In a session with Ana Silva/);
    // The button says that a click joins the session that is already open.
    await expect(popup.getByRole('button', { name: 'Join Ana Silva’s session' })).toBeEnabled();
    await expect(startButton(popup)).toHaveCount(0);
    await checkState(popup, 'in-session');
  });

  test('offline: last seen said once, the next steps in place of Start', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'tom.baker@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(card(popup).locator('.presence')).toHaveText(/Offline · last seen 3h ago/);
    await expect(popup.getByText(/3h ago/)).toHaveCount(1);
    await expect(startButton(popup)).toHaveCount(0);
    await expectActionInView(
      popup,
      popup.getByRole('button', { name: 'Notify me when they’re online' }),
    );
    const invite = popup.getByRole('button', { name: 'Copy an invite' });
    await expectActionInView(popup, invite);
    await checkState(popup, 'offline');

    // What reaches the clipboard: the default invite, in the agent's language.
    await popup.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    await invite.click();
    await expect(popup.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await popup.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
      'Could you open our website in your browser and keep it open? Then I can look at the page with you and show you the way.',
    ]);
  });

  test('Copy an invite puts the default invite on the real clipboard', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    // No stand-in for the clipboard: the write comes after the invite is read from the settings
    // (a message to the worker), and the browser must still take it as the agent's click. The
    // only permission granted is the test's own, to read the clipboard back.
    await context.grantPermissions(['clipboard-read']);
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'tom.baker@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Copy an invite' }).click();
    await expect(popup.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(
      'Could you open our website in your browser and keep it open? Then I can look at the page with you and show you the way.',
    );
  });

  test('the invite is the team’s own when the settings have one', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker, {
      settings: { inviteText: 'Please open shop.example.com and tell me when you are there.' },
    });
    const { tabId } = await openTicket(context, serviceWorker, { email: 'tom.baker@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    const invite = popup.getByRole('button', { name: 'Copy an invite' });
    await expect(invite).toBeVisible();
    await popup.evaluate(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    await expect
      .poll(async () => {
        await invite.click();
        return popup.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1));
      })
      .toBe('Please open shop.example.com and tell me when you are there.');
  });

  test('browser not supported: start off with the reason', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, {
      email: 'legacy.user@example.com',
    });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(card(popup).locator('.presence')).toHaveText(/browser not supported/);
    await expect(startButton(popup)).toHaveCount(0);
    // Said once, with the browsers that do work.
    await expect(card(popup).getByText(/not supported/)).toHaveCount(1);
    await expect(card(popup).getByTestId('card-actions')).toContainText(
      'Co-browsing works in current Chrome, Edge, Firefox and Safari',
    );
    await expect(card(popup)).toContainText('Internet Explorer 11');
    await checkState(popup, 'unsupported');
  });

  test('no visitor matches the customer', async ({ context, serviceWorker, openExtensionPage }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, {
      email: 'nobody@example.com',
      name: 'No Body',
    });
    const popup = await openPopup(openExtensionPage, tabId);
    // The word the badge and the toolbar tooltip use for the same state.
    await expect(popup.getByTestId('no-match')).toContainText('No visitor found');
    await expect(popup.getByTestId('no-match')).toContainText(
      'Looked for: nobody@example.com · No Body',
    );
    await checkState(popup, 'no-match');
  });

  test('several visitors match: ranked with reasons, the agent picks one', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'sam.lee@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    const options = popup.getByRole('option');
    await expect(options).toHaveCount(3);
    // One person's devices: the name and "found by" once, each row its device and browser.
    await expect(popup.locator('.list-person')).toHaveText('Sam Lee · found by email');
    await expect(popup.getByRole('listbox')).not.toContainText('found by');
    await expect(options.nth(0)).toContainText('iPhone (mobile) · Mobile Safari 17');
    await expect(options.nth(0)).toContainText('Online');
    await expect(options.nth(1)).toContainText('In a session');
    await expect(options.nth(2)).toContainText(/last seen \d+(m|h|d) ago/);
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await checkState(popup, 'several');
    await options.nth(2).click();
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(card(popup).locator('.presence')).toHaveText(/Offline/);
    await expect(startButton(popup)).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Copy an invite' })).toBeVisible();
  });

  test('two of three devices tie: the label counts the two, the agent chooses', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    // The desktop's session ended: it and the iPhone are both online, the third was seen a day ago.
    fake.endSession(SEED_IDS.samDesktopInSession);
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'sam.lee@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(popup.getByRole('option')).toHaveCount(3);
    await expect(popup.getByRole('listbox', { name: /match equally well/ })).toHaveAccessibleName(
      '2 of 3 visitors match equally well. Choose one:',
    );
    // Nobody is chosen for the agent, so Enter or a click cannot start with the wrong device.
    await expect(popup.getByRole('option', { selected: true })).toHaveCount(0);
    await expect(card(popup)).toHaveCount(0);
    await checkState(popup, 'two-of-three-tie');
  });
});

test.describe('problems while looking up', () => {
  test('rate-limited: says Upscope asked for a pause', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    await configureExtension(serviceWorker);
    fake.injectFault({ match: { path: 'list' }, status: 429, retryAfter: 120, times: 5 });
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(popup.getByText('Upscope asked for a pause', { exact: false })).toBeVisible();
    await checkState(popup, 'rate-limited');
    // Searching meanwhile is refused by the worker without another call, and says how long.
    const calls = fake.requests.length;
    await popup.getByLabel('Find a visitor').fill('tom.baker@example.com');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('alert')).toContainText(
      /Too many requests: Upscope asked for a pause of \d+ s/,
    );
    expect(fake.requests.length).toBe(calls);
  });

  test('API unreachable: says so, and trying again works once it is back', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    await configureExtension(serviceWorker);
    fake.injectFault({ drop: true, times: Infinity });
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(popup.getByText('Could not reach Upscope', { exact: false })).toBeVisible({
      timeout: 15_000,
    });
    await checkState(popup, 'unreachable');
    // One way to ask again, not "Refresh" beside "Try again".
    await expect(popup.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
    fake.clearFaults();
    await popup.getByRole('button', { name: 'Try again' }).click();
    await expect(card(popup).getByRole('heading', { name: 'Jane Doe' })).toBeVisible({
      timeout: 10_000,
    });
  });
});

test.describe('search, keyboard first', () => {
  test('not a ticket page: search still works; arrows choose, Enter starts', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTab(context, serviceWorker);
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(popup.getByTestId('not-ticket')).toContainText(
      'This tab is not a helpdesk ticket',
    );
    await checkState(popup, 'not-ticket');

    const box = popup.getByRole('combobox', { name: 'Find a visitor' });
    await expect(box).toBeFocused();
    await popup.keyboard.type('sam.lee@example.com');
    await popup.keyboard.press('Enter');
    const options = popup.getByRole('option');
    await expect(options).toHaveCount(3);
    await expect(popup.getByRole('heading', { name: 'Search results' })).toBeVisible();
    await checkState(popup, 'search-results');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', 'visitor-option-2');
    // The offline one: Enter explains instead of starting.
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('status').last()).toContainText('is not on your website now');
    expect(fake.watchSessions).toHaveLength(0);
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    const opened = context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const session = await opened;
    await expect(session).toHaveURL(fake.watchSessions[0]!.watchUrl);
    expect(fake.watchSessions[0]!.shortId).toBe(SEED_IDS.samMobile);
  });

  test('search by lookup code and #tag; nothing found is said plainly', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTab(context, serviceWorker);
    const popup = await openPopup(openExtensionPage, tabId);
    const box = popup.getByLabel('Find a visitor');
    await box.fill('4821');
    await box.press('Enter');
    await expect(card(popup)).toContainText('code 4821');
    await box.fill('#vip');
    await box.press('Enter');
    await expect(popup.getByRole('option').first()).toBeVisible();
    await box.fill('no-such-person@example.com');
    await box.press('Enter');
    await expect(popup.getByTestId('no-results')).toContainText(
      'No visitor found for “no-such-person@example.com”.',
    );
    await checkState(popup, 'no-results');
    await popup.getByRole('button', { name: 'Clear search' }).click();
    await expect(popup.getByTestId('not-ticket')).toBeVisible();
  });

  test('data from the API is shown as text, unsafe links are not links', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTab(context, serviceWorker);
    const popup = await openPopup(openExtensionPage, tabId);
    await popup.getByLabel('Find a visitor').fill('hostile@example.com');
    await popup.getByLabel('Find a visitor').press('Enter');
    await expect(
      card(popup).getByRole('heading', { name: '<img src=x onerror=alert(1)>' }),
    ).toBeVisible();
    await expect(card(popup)).toContainText('javascript:alert(1)');
    expect(
      await popup
        .locator(
          '[data-testid="visitor"] img, [data-testid="visitor"] svg, iframe, script:not([src])',
        )
        .count(),
    ).toBe(0);
    for (const href of await popup
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^https:\/\//);
    }
    await popup.getByRole('button', { name: 'Sessions and pages' }).click();
    await expect(popup.getByRole('heading', { name: 'Recent sessions' })).toBeVisible();
    await expect(popup.locator('.details [aria-busy="true"]')).toHaveCount(0);
    for (const href of await popup
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^https:\/\//);
    }
    expect(await popup.locator('script:not([src]), iframe').count()).toBe(0);
  });

  test('a name two people share: one group per person, told apart by email', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    // Another Sam Lee, with his own email, seen two hours ago on his laptop: the worker ranks him
    // between this Sam's session and this Sam's desktop seen a day ago.
    const otherSam = structuredClone(fake.getVisitor(SEED_IDS.samDesktopOffline)!);
    fake.upsertVisitor({
      ...otherSam,
      short_id: 'SL4OTHER',
      email: 'sam.lee@othermail.example',
      identities: ['Sam Lee', 'sam.lee@othermail.example'],
      unique_id: 'user-4100',
      browser_name: 'Firefox 128',
      last_seen_at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      watch_link: 'https://o.upscope.io/w/SL4OTHER',
      sessions: [],
    });
    await configureExtension(serviceWorker);
    const { tabId } = await openTab(context, serviceWorker);
    const popup = await openPopup(openExtensionPage, tabId);
    const box = popup.getByRole('combobox', { name: 'Find a visitor' });
    await box.fill('Sam Lee');
    await box.press('Enter');
    const people = popup.getByRole('listbox').getByRole('group');
    await expect(people).toHaveCount(2);
    await expect(people.nth(0)).toHaveAccessibleName('Sam Lee · sam.lee@example.com');
    await expect(people.nth(1)).toHaveAccessibleName('Sam Lee · sam.lee@othermail.example');
    await expect(people.nth(0).getByRole('option')).toHaveCount(3);
    await expect(people.nth(1).getByRole('option')).toHaveCount(1);
    // Rows say the device; how they were found is the same for all, so said once above.
    await expect(people.nth(1).getByRole('option')).toContainText('Desktop · Firefox 128');
    await expect(popup.getByRole('listbox')).not.toContainText('found by');
    await checkState(popup, 'search-two-people');
    // The arrow keys walk the rows as they are shown: the other Sam is last, not third.
    for (let i = 0; i < 3; i++) await box.press('ArrowDown');
    await expect(box).toHaveAttribute('aria-activedescendant', 'visitor-option-3');
    await expect(people.nth(1).getByRole('option')).toHaveAttribute('aria-selected', 'true');
    await expect(card(popup)).toContainText('sam.lee@othermail.example');
  });
});

test.describe('acting on a visitor', () => {
  test('start co-browsing opens the watch URL in a tab beside the ticket', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    const opened = context.waitForEvent('page');
    await startButton(popup).click();
    const session = await opened;
    await expect(session).toHaveURL(fake.watchSessions[0]!.watchUrl);
    expect(fake.watchSessions).toHaveLength(1);
    expect(fake.watchSessions[0]!.body).toMatchObject({
      agent: { id: 'agent-7', name: 'Joe Smith' },
    });

    // Started: the card's button now goes to that tab, and says since when.
    await expect(card(popup).getByTestId('started')).toHaveText(
      /^Co-browsing with Jane Doe since \d{1,2}:\d{2}/,
    );
    await expect(popup.getByRole('status')).toHaveText('');
    // The worker notes the session's tab; the active tab is compared with it by id.
    const sessionTabId = await serviceWorker.evaluate(
      async (key) => ((await chrome.storage.session.get(key))[key] as { tabId: number }).tabId,
      `cobrowse:${SEED_IDS.jane}`,
    );
    const activeTabId = () =>
      serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
    const popupTabId = await serviceWorker.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]!.id!,
      popup.url(),
    );
    await serviceWorker.evaluate((id) => chrome.tabs.update(id, { active: true }), popupTabId);
    await expect.poll(activeTabId).toBe(popupTabId);
    await popup.getByRole('button', { name: 'Go to the co-browsing tab' }).click();
    await expect.poll(activeTabId).toBe(sessionTabId);
    expect(fake.watchSessions).toHaveLength(1);

    // The tab closed: the card offers Start again.
    await session.close();
    await popup.getByRole('button', { name: 'Go to the co-browsing tab' }).click();
    await expect(popup.getByRole('status')).toHaveText('The co-browsing tab was closed.');
    await expect(startButton(popup)).toBeEnabled();
  });

  test('over the plan’s limits: starting says so', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    fake.setKey('demo-key', 'over_plan_limits');
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await startButton(popup).click();
    await expect(card(popup).getByRole('alert')).toContainText(
      'go over your Upscope plan’s limits',
    );
    await checkState(popup, 'over-plan');
  });

  test('without an agent name the start button says what to set', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker, { settings: { agentName: '', agentId: '' } });
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(startButton(popup)).toBeDisabled();
    await expect(startButton(popup)).toHaveAccessibleDescription(
      'Add your agent name and ID in the settings first.',
    );
  });

  test('details: sessions with agents and recordings; UserView page history with screenshots', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await popup.getByRole('button', { name: 'Sessions and pages' }).click();
    const details = popup.locator('.details');
    await expect(details.getByRole('heading', { name: 'Jane Doe' })).toBeFocused();
    const sessions = details.locator('.session');
    await expect(sessions).toHaveCount(2);
    await expect(sessions.first()).toContainText('Joe Smith, Ana Silva');
    // Upscope's codes ("remote_typing", "api", went_live) in an agent's words.
    await expect(sessions.first()).toContainText('Typing for the customer');
    await expect(sessions.first()).toContainText('An app, such as this extension');
    await expect(sessions.first()).toContainText('Customer’s screen shown');
    await expect(sessions.first()).not.toContainText(/remote.typing|Went live|\bapi\b/);
    await expect(sessions.first()).toContainText('1 min 10 s');
    await expect(sessions.first()).toContainText('11 s');
    await expect(sessions.first().getByRole('link', { name: 'Watch recording' })).toHaveAttribute(
      'href',
      'https://app.upscope.io/recordings/90480',
    );
    await checkState(popup, 'details-sessions');
    await popup.getByRole('button', { name: 'Back' }).click();
    await expect(popup.getByRole('button', { name: 'Sessions and pages' })).toBeFocused();

    // Maria is a UserView visitor: pages with events and screenshot thumbnails.
    await popup.getByLabel('Find a visitor').fill('maria.garcia@example.com');
    await popup.getByLabel('Find a visitor').press('Enter');
    await expect(card(popup).getByRole('heading', { name: 'Maria Garcia' })).toBeVisible();
    await popup.getByRole('button', { name: 'Sessions and pages' }).click();
    const pages = popup.locator('.pageview');
    await expect(pages.first()).toBeVisible();
    const thumb = pages.first().getByRole('img', { name: /^Screenshot of / });
    await expect(thumb).toHaveAttribute('src', /^https:\/\/cdn\.upscope\.io\//);
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(pages.first().locator('.event').first()).toBeVisible();
    await checkState(popup, 'details-history');
  });

  test('forget a visitor: a confirmation that names them, then the DELETE', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    // Forget is not under Start: it is in the "More actions" menu, which the keyboard works.
    await expect(popup.getByRole('button', { name: /Forget/ })).toHaveCount(0);
    await moreActions(popup).focus();
    await popup.keyboard.press('Enter');
    const menu = popup.getByRole('menu', { name: 'More actions' });
    const forgetItem = menu.getByRole('menuitem', { name: 'Forget this visitor…' });
    await expect(forgetItem).toBeFocused();
    await checkState(popup, 'more-actions');
    await popup.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(moreActions(popup)).toBeFocused();

    await popup.keyboard.press('Enter');
    await expect(forgetItem).toBeFocused();
    await popup.keyboard.press('Enter');
    const confirm = popup.getByRole('group', { name: 'Forget Jane Doe?' });
    await expect(confirm).toBeVisible();
    // The safe choice has focus: Enter now would not delete anyone.
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await checkState(popup, 'forget-confirm');
    await popup.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(moreActions(popup)).toBeFocused();
    expect(fake.getVisitor(SEED_IDS.jane)).toBeDefined();

    await moreActions(popup).click();
    await popup.getByRole('menuitem', { name: 'Forget this visitor…' }).click();
    await popup.getByRole('button', { name: 'Forget Jane Doe' }).click();
    await expect(popup.getByText('Jane Doe was forgotten.')).toBeAttached();
    expect(fake.getVisitor(SEED_IDS.jane)).toBeUndefined();
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.path.includes(SEED_IDS.jane))).toBe(
      true,
    );
    await expect(popup.getByTestId('no-match')).toBeVisible();
  });
});

test.describe('the action first, in a 380×600 popup', () => {
  test('one visitor: Start with their name, in view without scrolling', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expectActionInView(
      popup,
      popup.getByRole('button', { name: 'Start co-browsing with Jane', exact: true }),
    );
    // The ticket's customer comes before any help text: the search is one line.
    const cardTop = (await card(popup).boundingBox())!.y;
    expect(cardTop).toBeLessThan(130);
    await popup.screenshot({ path: `${SHOTS}/viewport-online.png` });
  });

  for (const [state, email, action] of [
    ['waiting for a call', 'maria.garcia@example.com', /^Start co-browsing with Maria$/],
    ['in a session', 'priya.patel@example.com', /^Join .+ session$/],
    ['offline', 'tom.baker@example.com', /^Notify me when they’re online$/],
  ] as const) {
    test(`${state}: the primary action is in view without scrolling`, async ({
      context,
      serviceWorker,
      openExtensionPage,
    }) => {
      await configureExtension(serviceWorker);
      const { tabId } = await openTicket(context, serviceWorker, { email });
      const popup = await openPopup(openExtensionPage, tabId);
      await expectActionInView(popup, card(popup).getByRole('button', { name: action }));
    });
  }

  test('several devices of one customer: Start stays in view', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'sam.lee@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(popup.getByRole('option')).toHaveCount(3);
    await expectActionInView(
      popup,
      popup.getByRole('button', { name: 'Start co-browsing with Sam', exact: true }),
    );
    await popup.screenshot({ path: `${SHOTS}/viewport-several.png` });
  });

  test('a long name and 15 tags: the tags fold, Start stays in view', async ({
    context,
    serviceWorker,
    openExtensionPage,
    fake,
  }) => {
    const tags = Array.from({ length: 15 }, (_, i) => `#segment-${i + 1}`);
    fake.updateVisitor(SEED_IDS.jane, {
      name: 'Maximiliane Alexandra Wolfeschlegelsteinhausen-Bergerdorff von Hohenzollern',
      tags,
    });
    await configureExtension(serviceWorker);
    const { tabId } = await openTicket(context, serviceWorker, { email: 'jane.doe@example.com' });
    const popup = await openPopup(openExtensionPage, tabId);
    await expect(card(popup).getByRole('heading', { name: /^Maximiliane/ })).toBeVisible();
    await expectActionInView(
      popup,
      popup.getByRole('button', { name: 'Start co-browsing with Maximiliane', exact: true }),
    );
    const more = card(popup).getByRole('button', { name: '+12 more' });
    await expect(card(popup).getByText(/^#segment-/)).toHaveCount(3);
    await popup.screenshot({ path: `${SHOTS}/viewport-long.png` });
    await more.click();
    await expect(card(popup).getByText(/^#segment-/)).toHaveCount(15);
    // Every tag shown: the card is longer than the popup, and Start is still on screen.
    await expectActionInView(popup, startButton(popup));
    await checkState(popup, 'long-name-tags');
  });
});
