import { expect, test } from '@playwright/test';
import { FakeUpscope, routeFakeUpscope } from '../fake-upscope';
import { extensionUrl, launchWithExtension } from './support/browser';
import { configureExtension } from './support/extension';
import { badgeButton, serveHelpdesk } from './support/helpdesk';
import { grantOrigins } from './support/permissions';
import { hasVirtualDisplay, startVirtualDisplay } from './support/xvfb';

test.skip(!hasVirtualDisplay(), 'needs Xvfb and xdotool (installed by .ci/run)');

test('a host-mapped Zendesk the agent added and granted gets the badge, with navigation', async () => {
  const display = await startVirtualDisplay();
  const fake = new FakeUpscope();
  const launched = await launchWithExtension({
    headless: false,
    env: { DISPLAY: display.display },
  });
  try {
    const { context, serviceWorker, extensionId } = launched;
    await routeFakeUpscope(context, fake);
    await serveHelpdesk(context, {
      origin: 'https://support.acme.com',
      page: 'zendesk/ticket.html',
      json: {
        '/api/v2/tickets/123.json?include=users': 'zendesk/ticket-123.json',
        '/api/v2/tickets/124.json?include=users': 'zendesk/ticket-124.json',
      },
    });
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

    await page.reload();
    await expect(badgeButton(page)).toHaveText('Online', { timeout: 10_000 });
    await page.click('#open-124');
    await expect(badgeButton(page)).toHaveAccessibleName(/Tom Baker/);
    await expect(page.locator('cobrowse-badge')).toHaveCount(1);
  } finally {
    await launched.close();
    display.stop();
  }
});
