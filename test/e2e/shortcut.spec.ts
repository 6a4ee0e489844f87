import { test, expect } from '@playwright/test';
import { FakeUpscope, routeFakeUpscope, SEED_IDS } from '../fake-upscope';
import { launchWithExtension } from './support/browser';
import { configureExtension } from './support/extension';
import { badgeButton, serveHelpdesk } from './support/helpdesk';
import { hasVirtualDisplay, startVirtualDisplay } from './support/xvfb';

// Real keys on a real (virtual) display: the browser's own accelerator handling is under test.
test.skip(!hasVirtualDisplay(), 'needs Xvfb and xdotool (installed by .ci/run)');

test('the shortcut on a ticket starts co-browsing with its customer, once per press', async () => {
  const display = await startVirtualDisplay();
  const fake = new FakeUpscope();
  const launched = await launchWithExtension({
    headless: false,
    env: { DISPLAY: display.display },
  });
  try {
    const { context, serviceWorker } = launched;
    await routeFakeUpscope(context, fake);
    await configureExtension(serviceWorker);
    await serveHelpdesk(context, {
      origin: 'https://acme.zendesk.com',
      page: 'zendesk/ticket.html',
      json: { '/api/v2/tickets/123.json?include=users': 'zendesk/ticket-123.json' },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('https://acme.zendesk.com/agent/tickets/123');
    await expect(badgeButton(page)).toHaveText('Online');
    const before = fake.requests.length;

    const opened = context.waitForEvent('page');
    display.pressKeys('alt+shift+u');
    const session = await opened;
    await expect(session).toHaveURL(fake.watchSessions[0]!.watchUrl);
    expect(fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.jane]);
    // The visitor was already known from the badge: the only call is the one that starts it.
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1.1/visitors/${SEED_IDS.jane}/watch_url.json`,
    ]);

    // Pressed again on the ticket, the running session's tab comes forward: no second session.
    await page.bringToFront();
    display.pressKeys('alt+shift+u');
    await expect.poll(() => session.evaluate(() => document.visibilityState)).toBe('visible');
    expect(fake.watchSessions).toHaveLength(1);
  } finally {
    await launched.close();
    display.stop();
  }
});

test('on a ticket whose customer cannot be co-browsed, the shortcut opens the popup instead of guessing', async () => {
  const display = await startVirtualDisplay();
  const fake = new FakeUpscope();
  const launched = await launchWithExtension({
    headless: false,
    env: { DISPLAY: display.display },
  });
  try {
    const { context, serviceWorker } = launched;
    await routeFakeUpscope(context, fake);
    await configureExtension(serviceWorker);
    await serveHelpdesk(context, {
      origin: 'https://acme.zendesk.com',
      page: 'zendesk/ticket.html',
      json: { '/api/v2/tickets/124.json?include=users': 'zendesk/ticket-124.json' },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('https://acme.zendesk.com/agent/tickets/124');
    await expect(badgeButton(page)).toHaveText(/^Offline/);

    display.pressKeys('alt+shift+u');
    // The toolbar popup is browser UI: the worker sees it among the extension's open contexts.
    await expect
      .poll(
        () =>
          serviceWorker.evaluate(async () =>
            (
              await chrome.runtime.getContexts({
                contextTypes: ['POPUP' as chrome.runtime.ContextType],
              })
            ).map((c) => new URL(c.documentUrl!).pathname),
          ),
        { timeout: 10_000 },
      )
      .toEqual(['/src/popup/index.html']);
    expect(fake.watchSessions).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
  } finally {
    await launched.close();
    display.stop();
  }
});
