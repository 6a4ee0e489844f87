import type { Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEMO_API_KEY } from '../fake-upscope';
import { extensionUrl } from './support/browser';
import { configureExtension } from './support/extension';
import { expectAccessible } from './support/a11y';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { tabIdOf } from './support/worker';

// A German-speaking agent: the browser runs with --lang=de, so Chrome picks _locales/de for the
// pages, the worker's badge and toolbar words, and the content script's own words.

test.use({ uiLanguage: 'de' });

const SHOTS = 'test/output/screenshots';
mkdirSync(SHOTS, { recursive: true });

/**
 * Longer German words must still fit: no sideways scrolling, and no box whose text is wider than
 * the box (a clipped or spilling label, button or placeholder). Scroll containers may scroll.
 */
async function expectNothingOverflows(page: Page): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`page ${root.scrollWidth}px wide`);
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      // Inline boxes have no width of their own; visually hidden text is clipped on purpose.
      if (el.clientWidth <= 1 || /auto|scroll/.test(style.overflowX)) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        found.push(`${el.tagName.toLowerCase()}.${el.className}: “${el.textContent?.trim()}”`);
      }
    }
    // A placeholder never scrolls: measure it against the room inside its field.
    const ruler = document.createElement('canvas').getContext('2d')!;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      // A field folded away is not drawn: it is measured once it shows.
      if (input.clientWidth === 0) continue;
      const style = getComputedStyle(input);
      ruler.font = style.font;
      const room =
        input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (ruler.measureText(input.placeholder).width > room) {
        found.push(`placeholder “${input.placeholder}”`);
      }
    }
    return found;
  });
  expect(overflowing).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function toolbar(sw: Worker, tabId: number): Promise<{ text: string; title: string }> {
  return sw.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}

test('the settings page is in German, fits, and saves a key', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker, { apiKey: null });
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(extensionUrl(extensionId, 'src/options/index.html'));

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Einstellungen für Helpdesk Co-browse',
  );
  await expect(page).toHaveTitle('Einstellungen für Helpdesk Co-browse');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByText('Noch kein Schlüssel gespeichert.')).toBeVisible();
  await expect(page.getByLabel('API-Schlüssel')).toHaveAccessibleDescription(
    /In Upscope steht der Schlüssel in den allgemeinen Einstellungen/,
  );
  await expect(page.getByLabel('Agentenname')).toHaveValue('Joe Smith');
  await expect(page.getByLabel('Agenten-ID')).toHaveValue('agent-7');
  // No key yet: the rest is folded; opened, it is in German too.
  const more = page.getByRole('button', { name: 'Weitere Einstellungen' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('API-Endpunkt')).toBeHidden();
  await expectAccessible(page);
  await expectNothingOverflows(page);
  await more.click();
  await expect(page.getByLabel('API-Endpunkt')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tastenkombinationen' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Badge in allen 18 Helpdesks · Ändern' }),
  ).toBeVisible();
  await expectAccessible(page);
  await expectNothingOverflows(page);
  await shoot(page, 'locale-de-options');

  await page.getByLabel('API-Schlüssel').fill(DEMO_API_KEY);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.locator('.save-status')).toContainText(
    'Einstellungen gespeichert. Upscope hat den Schlüssel akzeptiert.',
  );
  await expect(page.getByRole('button', { name: 'Schlüssel ersetzen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verbindung testen' })).toBeVisible();
  // With the key saved, the team's usage table (numbers in German format) is on the page too.
  await expect(page.getByRole('table', { name: 'Nutzung Ihres Upscope-Teams' })).toBeVisible();
  await expectNothingOverflows(page);
  await shoot(page, 'locale-de-options-saved');
});

test('a Zendesk ticket: the badge, the toolbar and the popup are in German', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');

  // Online: the badge's words come from the worker, its accessible name from the content script.
  await badgeOf(page).hasText('Co-Browsing mit Jane · Online');
  await badgeOf(page).hasName(
    'Co-Browsing: Jane Doe ist gerade auf Ihrer Website. Co-Browsing starten.',
  );
  const tabId = await tabIdOf(page, serviceWorker);
  expect(await toolbar(serviceWorker, tabId)).toEqual({
    text: 'ON',
    title: 'Helpdesk Co-browse: Jane Doe ist gerade auf Ihrer Website. Co-Browsing starten.',
  });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(extensionUrl(extensionId, `src/popup/index.html?tab=${tabId}`));
  await expect(popup.locator('html')).toHaveAttribute('lang', 'de');
  const visitor = popup.getByTestId('visitor');
  await expect(visitor.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await expect(visitor.locator('.presence')).toHaveText('●Online');
  // The country is named in the page's language (Intl), not taken from the API's English.
  await expect(visitor).toContainText('Vereinigte Staaten');
  await expect(
    popup.getByRole('button', { name: 'Co-Browsing mit Jane starten', exact: true }),
  ).toBeEnabled();
  await expect(popup.getByLabel('Besucher suchen')).toHaveAttribute(
    'placeholder',
    'E-Mail, Name, id:…, #Tag, Code',
  );
  await expect(popup.getByRole('button', { name: 'Einstellungen öffnen' })).toBeVisible();
  await expect(popup.getByText('Upscope wird abgefragt…')).toHaveCount(0);
  await expectAccessible(popup);
  await expectNothingOverflows(popup);
  await shoot(popup, 'locale-de-popup-online');

  // The next ticket's customer left 3 hours ago: a relative time in German, on the badge and in
  // the popup alike.
  await page.bringToFront();
  await page.click('#open-124');
  await badgeOf(page).hasText('Tom · gesehen vor 3 Std.');
  await badgeOf(page).hasName(
    'Co-Browsing: Tom Baker ist nicht auf Ihrer Website (zuletzt gesehen vor 3 Std.).',
  );
  expect((await toolbar(serviceWorker, tabId)).text).toBe('OFF');
  await badgeOf(page).click();
  await badgeOf(page).hasNote(
    'Tom Baker ist nicht auf Ihrer Website (zuletzt gesehen vor 3 Std.).',
  );

  await popup.reload();
  await expect(popup.getByTestId('visitor').locator('.presence')).toHaveText(
    /Offline · zuletzt gesehen vor 3 Std\./,
  );
  // No Start to press: the time is said once, and the next steps are in German.
  await expect(popup.getByRole('button', { name: /Co-Browsing mit .* starten/ })).toHaveCount(0);
  await expect(popup.getByText(/vor 3 Std\./)).toHaveCount(1);
  await expect(popup.getByRole('button', { name: 'Einladung kopieren' })).toBeInViewport();
  await expect(popup.getByText('Upscope wird abgefragt…')).toHaveCount(0);
  await expectNothingOverflows(popup);
  await shoot(popup, 'locale-de-popup-offline');
});

test('a refused key is explained in German on the badge and the toolbar', async ({
  context,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker, { apiKey: 'revoked-key' });
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  const why =
    'Upscope akzeptiert diesen API-Schlüssel nicht. Prüfen oder ersetzen Sie ihn in den Einstellungen.';
  await badgeOf(page).hasText('Einrichten');
  await badgeOf(page).hasName(`Co-Browsing: ${why}`);
  const tabId = await tabIdOf(page, serviceWorker);
  expect((await toolbar(serviceWorker, tabId)).title).toBe(`Helpdesk Co-browse: ${why}`);
});
