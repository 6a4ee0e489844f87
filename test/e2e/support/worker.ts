import type { BrowserContext, Page, Worker } from '@playwright/test';
import { extensionUrl } from './browser';

/** An extension page to talk to the worker from, as the popup and options page do. */
export async function extensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl(extensionId, 'src/options/index.html'));
  return page;
}

/** Replies are probed field by field in tests, so they are loosely typed here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseReply = { ok: boolean; data?: any; error?: any };

export function sendFromPage(page: Page, message: unknown): Promise<LooseReply> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** The browser's id for the tab showing `page` (brought to the front to tell it apart). */
export async function tabIdOf(page: Page, serviceWorker: Worker): Promise<number> {
  await page.bringToFront();
  return serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle, using the "Stop"
 * control of chrome://serviceworker-internals (the only way that works while Playwright is
 * attached). Returns the page to stop it again; the next extension event starts a fresh worker.
 */
export async function stopServiceWorker(
  context: BrowserContext,
  extensionId: string,
): Promise<void> {
  const internals = await context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  const entry = internals.locator('.serviceworker-registration', { hasText: extensionId });
  await entry.getByRole('button', { name: 'Stop' }).click();
  await internals.waitForFunction(
    (id) =>
      [...document.querySelectorAll('.serviceworker-registration')].some(
        (e) => e.textContent!.includes(id) && /Running Status:\s*STOPPED/.test(e.textContent!),
      ),
    extensionId,
  );
  await internals.close();
}
