import { expect, test } from '@playwright/test';
import { FakeUpscope, startFakeUpscopeServer } from '../fake-upscope';
import { extensionUrl } from './support/browser';
import { configureExtension } from './support/extension';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { acceptPermissionPrompt } from './support/permissions';
import { hasVirtualDisplay, launchHeaded } from './support/xvfb';

// An on-premise or UserView endpoint, end to end: the settings ask for its host permission in
// the Save click, Chrome's real prompt is accepted, and from then on the key and every lookup go
// over real HTTP to that server (the fake on 127.0.0.1), never to api.upscope.io.
test.skip(!hasVirtualDisplay(), 'needs Xvfb and xdotool (installed by .ci/run)');

test('a custom endpoint on this machine: granted in the Save click, then used for everything', async () => {
  const fake = new FakeUpscope();
  const server = await startFakeUpscopeServer(fake);
  const launched = await launchHeaded();
  try {
    const { context, serviceWorker, extensionId, display } = launched;
    const toUpscope: string[] = [];
    await context.route('https://api.upscope.io/**', (route) => {
      toUpscope.push(route.request().url());
      return route.abort();
    });
    await configureExtension(serviceWorker);
    await serveHelpdesk(context, ZENDESK);

    const settings = await context.newPage();
    await settings.goto(extensionUrl(extensionId, 'src/options/index.html'));
    await settings.getByLabel('API endpoint').fill(server.baseUrl);
    // The saved key belongs to api.upscope.io: the form asks for the key for the new endpoint.
    await expect(settings.getByLabel('API endpoint')).toHaveAccessibleDescription(
      /Saving this endpoint removes the API key saved for https:\/\/api\.upscope\.io/,
    );
    await settings.getByLabel('API key').fill('demo-key');
    await settings.getByRole('button', { name: 'Save' }).click();
    // Chrome's own prompt for http://127.0.0.1/*: out of the page, answered with real keys.
    await acceptPermissionPrompt(settings, display);
    await expect(
      settings.getByRole('status').filter({ hasText: 'Settings saved. Upscope accepted the key.' }),
    ).toBeVisible();
    expect(
      await serviceWorker.evaluate(() =>
        chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
      ),
    ).toBe(true);

    await settings.getByRole('button', { name: 'Test connection' }).click();
    await expect(settings.locator('#test-result .body')).toHaveText(
      `Connected: Upscope accepted the key at ${server.baseUrl}.`,
    );

    const ticket = await context.newPage();
    await ticket.goto('https://acme.zendesk.com/agent/tickets/123');
    await badgeOf(ticket).hasText('Co-browse with Jane · Online');
    const served = fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(served).toContain('GET /v1.1/usage.json');
    expect(served.some((r) => r.startsWith('GET /v1.1/list.json'))).toBe(true);
    expect(fake.requests.every((r) => r.headers['x-api-key'] === 'demo-key')).toBe(true);
    // Only the page that saved the endpoint may have spoken to Upscope, before it was changed.
    expect(toUpscope.filter((url) => !url.endsWith('/usage.json'))).toEqual([]);
  } finally {
    await launched.close();
    await server.close();
  }
});
