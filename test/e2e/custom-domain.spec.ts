import { expect, test } from '@playwright/test';
import { FakeUpscope, routeFakeUpscope } from '../fake-upscope';
import { extensionUrl } from './support/browser';
import { configureExtension } from './support/extension';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { grantOrigins } from './support/permissions';
import { hasVirtualDisplay, launchHeaded } from './support/xvfb';

test.skip(!hasVirtualDisplay(), 'needs Xvfb and xdotool (installed by .ci/run)');

test('a host-mapped Zendesk the agent added and granted gets the badge, with navigation', async () => {
  const fake = new FakeUpscope();
  const launched = await launchHeaded();
  try {
    const { context, serviceWorker, extensionId, display } = launched;
    await routeFakeUpscope(context, fake);
    await serveHelpdesk(context, { ...ZENDESK, origin: 'https://support.acme.com' });
    const page = await context.newPage();
    // Not a known helpdesk host, not granted yet: nothing runs there.
    await page.goto('https://support.acme.com/agent/tickets/123');
    await page.waitForTimeout(1_000);
    await expect(page.locator('cobrowse-badge')).toHaveCount(0);

    const settingsPage = await context.newPage();
    await settingsPage.goto(extensionUrl(extensionId, 'src/popup/index.html'));
    expect(await grantOrigins(settingsPage, display, ['https://support.acme.com/*'])).toBe(true);
    await configureExtension(serviceWorker, {
      settings: { customDomains: [{ origin: 'https://support.acme.com', helpdesk: 'zendesk' }] },
    });

    // The registration follows the saved settings asynchronously (in a fresh browser the first
    // read of the organisation's policy alone can take a second): reload once it is in place.
    await expect
      .poll(() =>
        serviceWorker.evaluate(async () =>
          (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
        ),
      )
      .toContain('https://support.acme.com/*');
    await page.reload();
    await badgeOf(page).hasText('Co-browse with Jane · Online', { timeout: 10_000 });
    await page.click('#open-124');
    await badgeOf(page).hasName(/Tom Baker/);
    await expect(page.locator('cobrowse-badge')).toHaveCount(1);
  } finally {
    await launched.close();
  }
});
