import { test, expect, type Page } from '@playwright/test';
import { FakeUpscope, routeFakeUpscope, SEED_IDS } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { hasVirtualDisplay, launchHeaded, type HeadedExtensionBrowser } from './support/xvfb';

// Real keys on a real (virtual) display: the browser's own accelerator handling is under test.
test.skip(!hasVirtualDisplay(), 'needs Xvfb and xdotool (installed by .ci/run)');

interface OnTicket {
  launched: HeadedExtensionBrowser;
  fake: FakeUpscope;
  page: Page;
}

/** A headed browser, set up, on a Zendesk ticket whose badge has its customer. */
async function onTicket(ticket: 123 | 124, badge: RegExp): Promise<OnTicket> {
  const fake = new FakeUpscope();
  const launched = await launchHeaded();
  try {
    const { context, serviceWorker } = launched;
    await routeFakeUpscope(context, fake);
    await configureExtension(serviceWorker);
    await serveHelpdesk(context, ZENDESK);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${ZENDESK.origin}/agent/tickets/${ticket}`);
    await badgeOf(page).hasText(badge);
    return { launched, fake, page };
  } catch (error) {
    await launched.close();
    throw error;
  }
}

test('the shortcut on a ticket starts co-browsing with its customer, once per press', async () => {
  const { launched, fake, page } = await onTicket(123, /^Co-browse with Jane · Online$/);
  try {
    const { context, display } = launched;
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
  }
});

test('on a ticket whose customer cannot be co-browsed, the shortcut opens the popup instead of guessing', async () => {
  const { launched, fake } = await onTicket(124, / · seen \d+[mhd] ago$/);
  try {
    const { serviceWorker, display } = launched;
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
            ).map((c) => (c.documentUrl ? new URL(c.documentUrl).pathname : '(loading)')),
          ),
        { timeout: 10_000 },
      )
      .toEqual(['/src/popup/index.html']);
    expect(fake.watchSessions).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
  } finally {
    await launched.close();
  }
});
