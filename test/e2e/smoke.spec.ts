import { extensionUrl, launchWithExtension } from './support/browser';
import { test, expect } from './support/fixtures';

test('the service worker starts with the built manifest', async ({
  serviceWorker,
  extensionId,
}) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.commands).toHaveProperty('start-cobrowse');
});

test('a fresh install opens the settings, where the API key goes', async () => {
  const launched = await launchWithExtension({ keepWelcomeTab: true });
  try {
    const settings = launched.context
      .pages()
      .find((p) => p.url() === extensionUrl(launched.extensionId, 'src/options/index.html'));
    expect(settings).toBeDefined();
    await expect(settings!.getByRole('heading', { level: 1 })).toContainText('settings');
    await expect(settings!.getByLabel('API key')).toBeVisible();
  } finally {
    await launched.close();
  }
});

test('the popup page renders', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('src/popup/index.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Helpdesk Co-browse');
});

test("the service worker's own API requests reach the fake Upscope server", async ({
  serviceWorker,
  fake,
}) => {
  const status = await serviceWorker.evaluate(async () => {
    const response = await fetch('https://api.upscope.io/v1.1/usage.json', {
      headers: { 'X-Api-Key': 'demo-key' },
    });
    return response.status;
  });
  expect(status).toBe(200);
  expect(fake.requests.map((r) => r.path)).toContain('/v1.1/usage.json');
});
