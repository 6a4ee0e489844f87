import type { BrowserContext, Worker } from '@playwright/test';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { tabIdOf } from './support/worker';

// "Find in Upscope" on text selected on a page no adapter knows (a CRM). Playwright cannot click
// the browser's own context menu, so the click is the event Chromium would send the worker, with
// the selection and the tab it came from; everything after it is the product's own.

async function openCrm(context: BrowserContext, sw: Worker): Promise<number> {
  const crm = 'https://crm.example.test/contacts/88';
  await context.route(crm, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<title>Contact</title><p>Email: <b>jane.doe@example.com</b></p>',
    }),
  );
  const page = await context.newPage();
  await page.goto(crm);
  return tabIdOf(page, sw);
}

async function chooseFindInUpscope(sw: Worker, tabId: number, selectionText: string) {
  // The entry exists: updating it fails for an id the browser does not know.
  await expect
    .poll(() =>
      sw.evaluate(() =>
        chrome.contextMenus.update('find-in-upscope', {}).then(
          () => 'there',
          () => 'missing',
        ),
      ),
    )
    .toBe('there');
  await sw.evaluate(
    async ({ tabId, selectionText }) => {
      const tab = await chrome.tabs.get(tabId);
      const onClicked = chrome.contextMenus.onClicked as unknown as {
        dispatch(info: unknown, tab: unknown): void;
      };
      onClicked.dispatch({ menuItemId: 'find-in-upscope', selectionText }, tab);
    },
    { tabId, selectionText },
  );
}

test('selected text on any page: the toolbar popup opens and searches for it', async ({
  context,
  serviceWorker,
  fake,
}) => {
  await configureExtension(serviceWorker);
  const tabId = await openCrm(context, serviceWorker);
  await chooseFindInUpscope(serviceWorker, tabId, ' jane.doe@example.com\n');

  // The browser's own popup (which Playwright cannot see as a page) opened and ran the search.
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const contexts = await chrome.runtime.getContexts({ contextTypes: ['POPUP' as never] });
        return contexts.length;
      }),
    )
    .toBe(1);
  await expect
    .poll(() =>
      fake.requests.filter((r) => r.path.endsWith('/list.json')).map((r) => r.query.search),
    )
    .toEqual(['jane.doe@example.com']);
  // A search only: nothing was started.
  expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
});

test('where the popup cannot open, the toolbar says where the search waits, and it is there once', async ({
  context,
  serviceWorker,
  fake,
  openExtensionPage,
}) => {
  await configureExtension(serviceWorker);
  const tabId = await openCrm(context, serviceWorker);
  // As in a browser with no focused window for the popup.
  await serviceWorker.evaluate(() => {
    chrome.action.openPopup = () => Promise.reject(new Error('No active browser window.'));
  });
  await chooseFindInUpscope(serviceWorker, tabId, 'jane.doe@example.com');
  await expect
    .poll(() => serviceWorker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId))
    .toMatch(/Click the extension’s toolbar button to see the search/);

  // The agent clicks the toolbar button.
  const popup = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  const box = popup.getByRole('combobox', { name: 'Find a visitor' });
  await expect(box).toHaveValue('jane.doe@example.com');
  await expect(popup.getByTestId('visitor')).toContainText('Jane Doe');
  await expect(popup.getByRole('button', { name: /Start co-browsing/ })).toBeVisible();
  expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);

  // Taken once: the next popup opens as usual.
  await popup.close();
  const again = await openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await expect(again.getByRole('combobox', { name: 'Find a visitor' })).toHaveValue('');
});
