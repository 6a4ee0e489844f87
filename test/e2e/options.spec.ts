import type { BrowserContext, Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEMO_API_KEY, type FakeUpscope } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { extensionUrl } from './support/browser';
import { checkSchemes } from './support/a11y';
import { expect, test } from './support/fixtures';

const SHOTS = 'test/output/screenshots';
mkdirSync(SHOTS, { recursive: true });

interface PermissionCall {
  origins: string[];
  /** Whether the page had a user gesture when it asked (browsers only prompt during one). */
  gesture: boolean;
}

/**
 * Opens the options page. Headless Chromium cannot answer a permission prompt, so
 * `permissions.request` is replaced before the page loads by one that records each call (and
 * whether it came during a user gesture) and answers `grant`.
 */
async function openOptions(
  context: BrowserContext,
  extensionId: string,
  grant: boolean | null = null,
): Promise<Page> {
  const page = await context.newPage();
  if (grant !== null) {
    await page.addInitScript((answer) => {
      const calls: PermissionCall[] = [];
      Object.assign(window, { permissionCalls: calls });
      chrome.permissions.request = ((
        permissions: chrome.permissions.Permissions,
        callback?: (granted: boolean) => void,
      ) => {
        calls.push({
          origins: permissions.origins ?? [],
          gesture: navigator.userActivation.isActive,
        });
        if (callback) {
          callback(answer);
          return undefined;
        }
        return Promise.resolve(answer);
      }) as typeof chrome.permissions.request;
    }, grant);
  }
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(extensionUrl(extensionId, 'src/options/index.html'));
  await expect(page.getByLabel('Agent name')).toBeVisible();
  return page;
}

const permissionCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { permissionCalls: PermissionCall[] }).permissionCalls);

async function storedSettings(sw: Worker): Promise<Record<string, unknown>> {
  return sw.evaluate(
    async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>,
  );
}

async function checkState(page: Page, name: string): Promise<void> {
  await checkSchemes(page, `${SHOTS}/options-${name}`);
}

async function fakeUsage(fake: FakeUpscope) {
  const response = await fake.handle({
    method: 'GET',
    url: 'https://api.upscope.io/v1.1/usage.json',
    headers: { 'x-api-key': DEMO_API_KEY },
    body: null,
  });
  return JSON.parse(response.body).usage as {
    visitors: { online_now: number; last_24_hrs: number; last_30_days: number };
    session_counts: { now: number; today: number; last_30_days: number };
  };
}

const status = (page: Page) => page.locator('.save-status');

test('first run: the key, the name and an ID that follows it; the rest folded until a key is saved', async ({
  context,
  extensionId,
  serviceWorker,
  fake,
}) => {
  await configureExtension(serviceWorker, {
    apiKey: null,
    settings: { agentName: '', agentId: '' },
  });
  const page = await openOptions(context, extensionId);
  await expect(page.getByText('No key saved yet.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('API key')).toHaveAccessibleDescription(
    /In Upscope, the key is in the general settings/,
  );
  const more = page.getByRole('button', { name: 'More settings' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  // Only what co-browsing needs is on the page: three fields, then the save bar.
  const fields = page.locator('input:visible, select:visible, textarea:visible');
  await expect(fields).toHaveCount(3);
  await expect(page.getByLabel('API endpoint')).toBeHidden();
  await expect(page.getByTestId('usage')).toBeHidden();
  await checkState(page, 'first-run');

  await page.getByLabel('Agent name').fill('Ana Silva');
  await expect(page.getByLabel('Agent ID')).toHaveValue('ana-silva');
  await page.getByLabel('API key').fill(DEMO_API_KEY);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status(page)).toContainText('Settings saved. Upscope accepted the key.');
  expect(await storedSettings(serviceWorker)).toMatchObject({
    agentName: 'Ana Silva',
    agentId: 'ana-silva',
  });
  // The key is in: everything else unfolds, the usage that came with the check among it.
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('API endpoint')).toBeVisible();
  const key = page.getByLabel('API key');
  await expect(key).toHaveValue('••••••••••••-key');
  await expect(key).toHaveAttribute('readonly', '');
  await expect(page.getByText('Saved key ending in -key')).toBeVisible();
  // The usage came with the check; the key itself is nowhere in the page.
  const usage = await fakeUsage(fake);
  const visitorsRow = page.getByTestId('usage').getByRole('row', { name: /Visitors online/ });
  await expect(visitorsRow.getByRole('cell').nth(0)).toHaveText(String(usage.visitors.online_now));
  await expect(visitorsRow.getByRole('cell').nth(2)).toHaveText(
    String(usage.visitors.last_30_days),
  );
  expect(await page.content()).not.toContain(DEMO_API_KEY);
  await checkState(page, 'saved');

  // Opened again with a key: unfolded from the start, and folds on request.
  await page.reload();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('API endpoint')).toBeVisible();
  await more.click();
  await expect(page.getByLabel('API endpoint')).toBeHidden();
  await more.click();
});

test('saving a key: checked with Upscope, then only ever shown masked', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker, { apiKey: null });
  const page = await openOptions(context, extensionId);
  await page.getByLabel('API key').fill(DEMO_API_KEY);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status(page)).toContainText('Settings saved. Upscope accepted the key.');
  await expect(page.getByLabel('API key')).toHaveValue('••••••••••••-key');

  // Reloaded: still masked; "Replace key" gives an empty field, never the old key.
  await page.reload();
  await expect(page.getByLabel('API key')).toHaveValue('••••••••••••-key');
  await page.getByRole('button', { name: 'Replace key' }).click();
  await expect(page.getByLabel('API key')).toHaveValue('');
  await expect(page.getByLabel('API key')).toBeFocused();
  await expect(page.getByLabel('API key')).toHaveAttribute('type', 'password');
});

test('a key Upscope refuses is not saved, and the reason is next to the field', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker, { apiKey: null });
  const page = await openOptions(context, extensionId);
  await page.getByLabel('API key').fill('wrong-key');
  await page.getByRole('button', { name: 'Save' }).click();
  const key = page.getByLabel('API key');
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveAccessibleDescription(/Not saved: Upscope does not accept this API key/);
  await expect(key).toBeFocused();
  const stored = await serviceWorker.evaluate(async () => chrome.storage.local.get('apiKey'));
  expect(stored).toEqual({});
  await checkState(page, 'key-refused');
});

test('an endpoint that is not https is refused with the reason next to the field', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const before = await storedSettings(serviceWorker);
  const page = await openOptions(context, extensionId);
  const endpoint = page.getByLabel('API endpoint');
  await endpoint.fill('http://api.example.com/v1.1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(endpoint).toHaveAttribute('aria-invalid', 'true');
  await expect(endpoint).toHaveAccessibleDescription(
    /Use an https:\/\/ address: the API key must not travel unencrypted/,
  );
  await expect(endpoint).toBeFocused();
  await expect(status(page)).toContainText('Not saved');
  await checkState(page, 'endpoint-refused');
  // The address it most likely meant, in one click; still not saved until Save.
  await page.getByRole('button', { name: 'Use https://api.example.com/v1.1' }).click();
  await expect(endpoint).toHaveValue('https://api.example.com/v1.1');
  await expect(endpoint).not.toHaveAttribute('aria-invalid', 'true');
  await expect(endpoint).toBeFocused();
  await expect(page.getByRole('button', { name: /^Use https:/ })).toHaveCount(0);
  expect(await storedSettings(serviceWorker)).toEqual(before);

  await endpoint.fill('https://api.example.com/v1.1?team=1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(endpoint).toHaveAccessibleDescription(/Remove the part after \? or #/);
  await endpoint.fill('api.example.com');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(endpoint).toHaveAccessibleDescription(/This is not a full web address/);
  expect(await storedSettings(serviceWorker)).toEqual(before);

  await page.getByRole('button', { name: 'Use Upscope’s endpoint' }).click();
  await expect(endpoint).toHaveValue('https://api.upscope.io/v1.1');
  await expect(endpoint).not.toHaveAttribute('aria-invalid', 'true');
});

test('an empty agent name is refused with the reason next to the field', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId);
  const name = page.getByLabel('Agent name');
  await name.fill('   ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Error: Enter your name/);
  await expect(name).toBeFocused();
  expect(await storedSettings(serviceWorker)).toMatchObject({ agentName: 'Joe Smith' });
  await checkState(page, 'agent-refused');
});

test('a custom endpoint asks for its host permission in the click, then saves', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId, true);
  await page.getByLabel('API endpoint').fill('https://api.userview.example/v1.1/');
  await expect(page.getByLabel('API endpoint')).toHaveAccessibleDescription(
    /Your API key will be sent to api\.userview\.example, which is not an Upscope or UserView server/,
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status(page)).toContainText(
    'Settings saved. The API key saved for https://api.upscope.io was removed; enter the key for https://api.userview.example.',
  );
  expect(await permissionCalls(page)).toEqual([
    { origins: ['https://api.userview.example/*'], gesture: true },
  ]);
  expect(await storedSettings(serviceWorker)).toMatchObject({
    apiBaseUrl: 'https://api.userview.example/v1.1',
  });
});

test('a custom endpoint the agent does not allow is not saved', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId, false);
  const endpoint = page.getByLabel('API endpoint');
  await endpoint.fill('https://api.userview.example/v1.1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(endpoint).toHaveAccessibleDescription(
    /Not saved: the browser was not allowed to reach https:\/\/api\.userview\.example/,
  );
  expect(await storedSettings(serviceWorker)).toMatchObject({
    apiBaseUrl: 'https://api.upscope.io/v1.1',
  });
});

test('test connection says exactly what is wrong', async ({
  context,
  extensionId,
  serviceWorker,
  fake,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId);
  const test = page.getByRole('button', { name: 'Test connection' });
  const result = page.locator('#test-result .body');

  await test.click();
  await expect(result).toHaveText(
    'Connected: Upscope accepted the key at https://api.upscope.io/v1.1.',
  );

  fake.injectFault({ drop: true, times: Infinity });
  await test.click();
  await expect(result).toContainText('Connection failed: Could not reach Upscope', {
    timeout: 15_000,
  });
  fake.clearFaults();

  fake.setKey(DEMO_API_KEY, 'subscription_expired');
  await test.click();
  await expect(result).toContainText(
    'Connection failed: Your team’s Upscope subscription has expired.',
  );
  await expect(page.getByLabel('API key')).toHaveAccessibleDescription(
    /Upscope refused this key: Your team’s Upscope subscription has expired/,
  );
  await checkState(page, 'test-failed');

  // Renewed: the same key works again.
  fake.setKey(DEMO_API_KEY, 'ok');
  await test.click();
  await expect(result).toContainText('Connected');
  await expect(page.getByLabel('API key')).not.toHaveAttribute('aria-invalid', 'true');
});

test('usage, shortcuts, sessions, branding and helpdesks', async ({
  context,
  extensionId,
  serviceWorker,
  fake,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId);
  const usage = await fakeUsage(fake);
  const sessions = page.getByTestId('usage').getByRole('row', { name: /^Sessions/ });
  await expect(sessions.getByRole('cell').nth(1)).toHaveText(String(usage.session_counts.today));
  const shortcuts = page.getByTestId('shortcuts');
  await expect(shortcuts).toContainText('Open the popup');
  await expect(shortcuts).toContainText("Start co-browsing with the ticket's customer");
  await expect(shortcuts.locator('kbd').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change shortcuts' })).toBeVisible();

  await page.getByLabel('A new window').check();
  await page.getByLabel(/^Guide:/).check();
  await page.getByLabel(/^Only the visitor’s page/).check();
  await page.getByLabel('Hide the bottom bar').check();
  await page.getByLabel('Retry address (optional)').fill('ftp://example.com');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Retry address (optional)')).toHaveAccessibleDescription(
    /Use an https:\/\/ address, or leave this empty/,
  );
  await page.getByLabel('Retry address (optional)').fill('https://help.acme.com/retry');
  await page.getByLabel('Reuse a visitor’s status for').selectOption({ label: '5 minutes' });
  await page.getByRole('button', { name: 'Badge on all 18 helpdesks · Change' }).click();
  await page
    .getByRole('group', { name: 'Show the visitor badge on tickets in' })
    .getByLabel('Gmail')
    .uncheck();
  await expect(page.getByText('You have changes that are not saved yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status(page)).toHaveText(/Settings saved\./);
  expect(await storedSettings(serviceWorker)).toMatchObject({
    openIn: 'window',
    permissionsPreset: 'guide',
    branding: { naked: 'page_only', noBottomBar: true, retryUrl: 'https://help.acme.com/retry' },
    freshnessSeconds: 300,
    disabledHelpdesks: ['gmail'],
  });
  await page.reload();
  await expect(page.getByLabel('A new window')).toBeChecked();
  await expect(page.getByLabel(/^Guide:/)).toBeChecked();
  await expect(page.getByLabel(/^Only the visitor’s page/)).toBeChecked();
  // One choice per group: the screen's three are exclusive although two of them are booleans.
  await page.getByLabel('Upscope’s usual screen').check();
  await expect(page.getByLabel(/^Only the visitor’s page/)).not.toBeChecked();
  await expect(page.getByLabel(/^Plain screen/)).not.toBeChecked();
  await page.getByRole('button', { name: 'Badge on 17 of 18 helpdesks · Change' }).click();
  await expect(page.getByLabel('Gmail')).not.toBeChecked();
});

test('the 18 helpdesk switches are one stop in the tab order until opened', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId);
  const toggle = page.getByRole('button', { name: /^Badge on .* helpdesks · Change$/ });
  await expect(toggle).toHaveText('Badge on all 18 helpdesks · Change');
  const list = page.getByRole('group', { name: 'Show the visitor badge on tickets in' });
  await toggle.focus();
  await page.keyboard.press('Tab');
  // Past the helpdesks in one step: the next stop is the save button.
  await expect(page.getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('checkbox')).toHaveCount(18);
  await page.keyboard.press('Tab');
  await expect(list.getByRole('checkbox').first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveText(/Badge on 17 of 18 helpdesks/);
  await checkState(page, 'helpdesks-open');
});

test('custom helpdesk domains: added with their permission and helpdesk, and removed', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId, true);
  const address = page.getByLabel('Helpdesk address');

  await address.fill('http://support.acme.com');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await expect(address).toHaveAccessibleDescription(/https only, without a path/);
  expect(await permissionCalls(page)).toEqual([]);

  await address.fill('support.acme.com/tickets/12');
  await page.getByLabel('Runs').selectOption({ label: 'Zammad' });
  await page.getByRole('button', { name: 'Add domain' }).click();
  const row = page.getByRole('row', { name: /https:\/\/support\.acme\.com/ });
  await expect(row).toContainText('Zammad');
  await expect(
    page.getByText('https://support.acme.com was added.', { exact: false }),
  ).toBeVisible();
  expect(await permissionCalls(page)).toEqual([
    { origins: ['https://support.acme.com/*'], gesture: true },
  ]);
  expect(await storedSettings(serviceWorker)).toMatchObject({
    customDomains: [{ origin: 'https://support.acme.com', helpdesk: 'zammad' }],
  });
  await address.fill('https://support.acme.com');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await expect(address).toHaveAccessibleDescription(/already in the list/);
  await checkState(page, 'custom-domain');

  await page.getByRole('button', { name: 'Remove https://support.acme.com' }).click();
  await expect(row).toHaveCount(0);
  expect(await storedSettings(serviceWorker)).toMatchObject({ customDomains: [] });
});

test('a custom domain the agent does not allow is not added', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId, false);
  await page.getByLabel('Helpdesk address').fill('https://support.acme.com');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await expect(page.getByLabel('Helpdesk address')).toHaveAccessibleDescription(
    /Not added: the browser was not allowed to read https:\/\/support\.acme\.com/,
  );
  expect(await storedSettings(serviceWorker)).toMatchObject({ customDomains: [] });
});

test('the toolbar button opens the side panel instead of the popup, and back', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const page = await openOptions(context, extensionId);
  const toolbar = () =>
    serviceWorker.evaluate(async () => ({
      panel: (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick ?? false,
      popup: await chrome.action.getPopup({}),
    }));
  const popupUrl = extensionUrl(extensionId, 'src/popup/index.html');
  expect(await toolbar()).toEqual({ panel: false, popup: popupUrl });
  const choice = page.getByRole('group', { name: 'The toolbar button opens' });
  await expect(choice.getByLabel('The popup')).toBeChecked();

  await choice.getByLabel(/The side panel/).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status(page)).toHaveText(/Settings saved\./);
  expect(await storedSettings(serviceWorker)).toMatchObject({ toolbarOpens: 'panel' });
  // A popup set on the button would win over the panel: it is taken away.
  await expect.poll(toolbar).toEqual({ panel: true, popup: '' });
  // The button's shortcut opens what the button opens.
  await expect(page.getByTestId('shortcuts')).toContainText('Open the side panel');

  await choice.getByLabel('The popup').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(status(page)).toHaveText(/Settings saved\./);
  await expect.poll(toolbar).toEqual({ panel: false, popup: popupUrl });
  await expect(page.getByTestId('shortcuts')).toContainText('Open the popup');
});
