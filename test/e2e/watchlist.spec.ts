import type { BrowserContext, Page, Worker } from '@playwright/test';
import { SEED_IDS } from '../fake-upscope';
import { checkSchemes } from './support/a11y';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { sendFromPage, stopServiceWorker, tabIdOf } from './support/worker';

// "Notify me when they're online": the agent asks from the popup on an offline customer's
// ticket; the fake API brings the customer back; the presence alarm (fired now rather than
// waited for) raises one system notification, read back with chrome.notifications.getAll, and its
// buttons are pressed through the worker's own event (onButtonClicked.dispatch), as Chrome would.

const TICKET = 'https://acme.zendesk.com/agent/tickets/124';
const NOTICE = `watch:${SEED_IDS.tom}`;

/** Zendesk ticket 124, Tom Baker, offline: the badge has looked him up. */
async function openTicket(
  context: BrowserContext,
  sw: Worker,
): Promise<{ page: Page; tabId: number }> {
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto(TICKET);
  await badgeOf(page).hasText(/ · seen \d+[mhd] ago$/);
  return { page, tabId: await tabIdOf(page, sw) };
}

async function watchFromPopup(
  openExtensionPage: (path: string) => Promise<Page>,
  tabId: number,
): Promise<Page> {
  const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await popup.getByRole('button', { name: 'Notify me when they’re online' }).click();
  await expect(popup.getByRole('status')).toHaveText(
    'You will be notified when Tom Baker is on your website.',
  );
  const list = popup.getByRole('region', { name: /Notify when online/ });
  await expect(list).toContainText('Tom Baker');
  await expect(list).toContainText('Zendesk · #124');
  return popup;
}

/**
 * The next presence period, now: the freshness window has passed (the cached answers go, as
 * time would make them stale) and the alarm fires.
 */
async function presenceTick(sw: Worker): Promise<void> {
  await sw.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    await chrome.storage.session.remove(Object.keys(all).filter((k) => k.startsWith('lookup:')));
    await chrome.alarms.create('presence-refresh', { when: Date.now() + 50 });
  });
}

/**
 * Presses a notification button as Chrome does: through the event the worker listens to (Chrome's
 * extension events have a dispatch the typings leave out).
 */
function pressButton(sw: Worker, index: number): Promise<void> {
  return sw.evaluate(
    ({ id, index }) => {
      const event = chrome.notifications.onButtonClicked as unknown as {
        dispatch(id: string, index: number): void;
      };
      event.dispatch(id, index);
    },
    { id: NOTICE, index },
  );
}

const notifications = (sw: Worker) =>
  sw.evaluate(() => chrome.notifications.getAll() as Promise<Record<string, boolean>>);

test.beforeEach(async ({ serviceWorker }) => {
  await configureExtension(serviceWorker);
});

test('an offline customer watched from the popup comes back: one notification, whose button starts co-browsing', async ({
  context,
  serviceWorker,
  openExtensionPage,
  fake,
}) => {
  const { tabId } = await openTicket(context, serviceWorker);
  const popup = await watchFromPopup(openExtensionPage, tabId);
  await popup.close();

  // Still away: a tick raises nothing.
  await presenceTick(serviceWorker);
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.storage.session.get('watchlist')))
    .toMatchObject({ watchlist: [{ checkedAt: expect.any(Number), back: false }] });
  expect(await notifications(serviceWorker)).toEqual({});

  fake.updateVisitor(SEED_IDS.tom, { is_online: true });
  await presenceTick(serviceWorker);
  await expect.poll(() => notifications(serviceWorker)).toEqual({ [NOTICE]: true });

  // Another period with Tom still there: no second notice, even after the first was dismissed.
  await serviceWorker.evaluate((id) => chrome.notifications.clear(id), NOTICE);
  const searchesBefore = fake.requests.filter((r) => r.path.endsWith('/list.json')).length;
  await presenceTick(serviceWorker);
  await expect
    .poll(() => fake.requests.filter((r) => r.path.endsWith('/list.json')).length)
    .toBeGreaterThan(searchesBefore);
  expect(await notifications(serviceWorker)).toEqual({});

  // A fresh return raises it again; its first button starts the session in a new tab.
  fake.updateVisitor(SEED_IDS.tom, { is_online: false });
  await presenceTick(serviceWorker);
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.storage.session.get('watchlist')))
    .toMatchObject({ watchlist: [{ back: false }] });
  fake.updateVisitor(SEED_IDS.tom, { is_online: true });
  await presenceTick(serviceWorker);
  await expect.poll(() => notifications(serviceWorker)).toEqual({ [NOTICE]: true });

  const session = context.waitForEvent('page');
  await pressButton(serviceWorker, 0);
  await expect(await session).toHaveURL(/^https:\/\/o\.upscope\.io\/\?session=/);
  expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
    expect.stringContaining(`/visitors/${SEED_IDS.tom}/watch_url`),
  ]);
  // Reached: off the list, the notice gone.
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.storage.session.get('watchlist')))
    .toEqual({ watchlist: [] });
  expect(await notifications(serviceWorker)).toEqual({});
});

test('"Open ticket" brings the ticket tab back to the front; the list in the popup says who is back and removes them', async ({
  context,
  serviceWorker,
  openExtensionPage,
  fake,
}) => {
  const { tabId } = await openTicket(context, serviceWorker);
  const popup = await watchFromPopup(openExtensionPage, tabId);
  fake.updateVisitor(SEED_IDS.tom, { is_online: true });
  await presenceTick(serviceWorker);
  await expect.poll(() => notifications(serviceWorker)).toEqual({ [NOTICE]: true });

  // The popup page is in front; the ticket comes back.
  await popup.bringToFront();
  await pressButton(serviceWorker, 1);
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      }),
    )
    .toBe(tabId);

  await popup.reload();
  const list = popup.getByRole('region', { name: /Notify when online/ });
  await expect(list).toContainText('On your website now');
  // Readable and operable in both colour schemes (axe), with a picture of each for review.
  await popup.setViewportSize({ width: 380, height: 600 });
  await checkSchemes(popup, 'test/output/screenshots/popup-watch-list');
  await list.getByRole('button', { name: 'Remove Tom Baker from the list' }).click();
  await expect(popup.getByRole('status')).toHaveText('Tom Baker is off the list.');
  await expect(list).toHaveCount(0);
  expect(await serviceWorker.evaluate(() => chrome.storage.session.get('watchlist'))).toEqual({
    watchlist: [],
  });
});

test.describe('a stopped service worker', () => {
  test.use({ freshBrowser: true });

  test('a fresh worker neither forgets the list nor repeats the notice, and its buttons still work', async ({
    context,
    serviceWorker,
    extensionId,
    openExtensionPage,
    fake,
  }) => {
    const { tabId } = await openTicket(context, serviceWorker);
    const popup = await watchFromPopup(openExtensionPage, tabId);
    fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    await presenceTick(serviceWorker);
    await expect.poll(() => notifications(serviceWorker)).toEqual({ [NOTICE]: true });
    await serviceWorker.evaluate((id) => chrome.notifications.clear(id), NOTICE);

    await serviceWorker.evaluate(() => {
      (globalThis as { marker?: string }).marker = 'old worker';
    });
    await stopServiceWorker(context, extensionId);
    // The popup's next message wakes a new worker; the list is still there.
    const listed = await sendFromPage(popup, { type: 'watch/list' });
    expect(listed.data.entries).toMatchObject([{ id: SEED_IDS.tom, back: true }]);
    const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId))!;
    expect(await worker.evaluate(() => (globalThis as { marker?: string }).marker)).toBeUndefined();

    const before = Date.now();
    await presenceTick(worker);
    await expect
      .poll(async () => {
        const { watchlist } = await worker.evaluate(() => chrome.storage.session.get('watchlist'));
        return (watchlist as { checkedAt: number }[])[0]!.checkedAt;
      })
      .toBeGreaterThanOrEqual(before);
    expect(await notifications(worker)).toEqual({});

    // The notice's button, pressed in the new worker: the ticket comes to the front.
    await popup.bringToFront();
    await pressButton(worker, 1);
    await expect
      .poll(() =>
        worker.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return tab?.id;
        }),
      )
      .toBe(tabId);
  });
});
