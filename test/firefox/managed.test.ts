import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, FakeUpscope } from '../fake-upscope';
import { GECKO_ID } from '../../scripts/firefox-manifest';
import {
  launchFirefoxWithExtension,
  sendFromPage,
  type FirefoxWithExtension,
} from './support/firefox';
import { firefoxWithPolicies } from './support/policies';

// Firefox ESR with a policies.json giving the add-on its settings (3rdparty → Extensions → the
// add-on id): the background reads them from storage.managed, keeps the key, and the options
// page shows the managed settings locked.

describe('settings by policies.json in Firefox ESR', () => {
  const fake = new FakeUpscope();
  let firefox: FirefoxWithExtension;
  let policyFirefox: ReturnType<typeof firefoxWithPolicies>;

  beforeAll(async () => {
    policyFirefox = firefoxWithPolicies({
      '3rdparty': {
        Extensions: {
          [GECKO_ID]: {
            ApiKey: DEMO_API_KEY,
            SessionPermissions: 'view',
            FreshnessSeconds: 120,
            AllowConsole: 'yes please',
          },
        },
      },
    });
    firefox = await launchFirefoxWithExtension(fake, {
      executablePath: policyFirefox.executablePath,
    });
  });
  afterAll(async () => {
    await firefox?.close();
    policyFirefox?.remove();
  });

  it('uses the policy’s settings and key, and refuses the agent’s change to them', async () => {
    const page = await firefox.openExtensionPage('src/options/index.html');
    await expect
      .poll(async () => (await sendFromPage(page, { type: 'settings/get' })).data?.key.present, {
        timeout: 10_000,
      })
      .toBe(true);
    const reply = await sendFromPage(page, { type: 'settings/get' });
    expect(reply.data.settings).toMatchObject({
      apiBaseUrl: 'https://api.upscope.io/v1.1',
      permissionsPreset: 'view',
      freshnessSeconds: 120,
      // Not a boolean: ignored, the agent's own (the default) applies.
      allowConsole: false,
    });
    expect(reply.data.managed).toEqual({
      fields: ['apiBaseUrl', 'permissionsPreset', 'freshnessSeconds'],
      key: true,
      agentIdentitySource: null,
    });
    expect(JSON.stringify(reply)).not.toContain(DEMO_API_KEY);

    expect(await sendFromPage(page, { type: 'key/clear' })).toMatchObject({
      ok: false,
      error: { kind: 'managed' },
    });
    expect(
      await sendFromPage(page, { type: 'settings/save', patch: { freshnessSeconds: 60 } }),
    ).toMatchObject({ ok: false, error: { kind: 'managed' } });

    // The key works against the API from the background.
    expect(await sendFromPage(page, { type: 'connection/test' })).toMatchObject({ ok: true });
    expect(
      fake.requests.some(
        (r) => r.path === '/v1.1/usage.json' && r.headers['x-api-key'] === DEMO_API_KEY,
      ),
    ).toBe(true);

    // The options page shows them locked.
    await page.waitForSelector('#freshness');
    expect(await page.$eval('#freshness', (el) => (el as HTMLSelectElement).disabled)).toBe(true);
    expect(await page.$eval('#api-endpoint', (el) => (el as HTMLInputElement).readOnly)).toBe(true);
    await page.close();
  });
});
