import type { Page } from '@playwright/test';
import type { VirtualDisplay } from './xvfb';

/**
 * Grants an optional host permission the way an agent does: a click in an extension page asks,
 * and Chrome's own prompt is accepted with the keyboard (Tab to "Allow", Enter). Needs a headed
 * browser on a virtual display: the prompt is browser UI, out of Playwright's reach.
 */
export async function grantOrigins(
  page: Page,
  display: VirtualDisplay,
  origins: string[],
): Promise<boolean> {
  await page.evaluate((wanted) => {
    const button = document.createElement('button');
    button.id = 'grant-for-test';
    button.textContent = 'Grant';
    button.addEventListener('click', () => {
      (window as unknown as { granted: Promise<boolean> }).granted = chrome.permissions.request({
        origins: wanted,
      });
    });
    document.body.append(button);
  }, origins);
  await page.click('#grant-for-test');
  await acceptPermissionPrompt(page, display);
  return page.evaluate(() => (window as unknown as { granted: Promise<boolean> }).granted);
}

/** Accepts the host-permission prompt a click in `page` just opened: Tab to "Allow", Enter. */
export async function acceptPermissionPrompt(page: Page, display: VirtualDisplay): Promise<void> {
  // The prompt takes a moment to appear; keys sent before it would go to the page.
  await page.waitForTimeout(1_000);
  display.pressKeys('Tab');
  display.pressKeys('Return');
}
