import type { CDPSession } from '@playwright/test';
import { createHash, randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_IDS } from '../fake-upscope';
import { routeFakeUpscope } from '../fake-upscope/playwright-route';
import { expectAccessible } from './support/a11y';
import { DIST, extensionUrl, launchWithExtension } from './support/browser';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';

// A team's roll-out as an administrator does it: a Chromium policy file gives the extension its
// key and some settings, and a fresh browser with nothing typed at all (the agent's name and ID
// read from the helpdesk) starts a session with them. Debian's Chromium reads /etc/chromium/policies/managed/*.json; the
// file exists only while the test's browser runs (every Chromium on this machine reads it, but it
// names only this build's extension id, which no other build shares).

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_KEY = 'POLICY-KEY-e2e-71c3f9';
const NEW_POLICY_KEY = 'POLICY-KEY-e2e-rotated-5a02';
const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/123';

/** Chromium's id for an unpacked extension: its absolute path hashed, the first 32 hex digits a-p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

function policyDirWritable(): string | null {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return null;
  } catch (error) {
    return `${POLICY_DIR} is not writable here (${(error as Error).message}): run as root to test policies`;
  }
}

/** Writes the policy for this build's extension; returns a function that removes it again. */
function writePolicy(policy: Record<string, unknown>): {
  rewrite(policy: Record<string, unknown>): void;
  remove(): void;
} {
  const path = join(POLICY_DIR, `helpdesk-cobrowse-e2e-${randomUUID()}.json`);
  const write = (p: Record<string, unknown>) =>
    writeFileSync(
      path,
      JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(DIST)]: p } } }),
    );
  write(policy);
  return { rewrite: write, remove: () => rmSync(path, { force: true }) };
}

/** Evaluates `expression` in the content script's isolated world of `page` (see key-custody). */
async function inContentScript(
  cdp: CDPSession,
  contexts: { id: number; origin: string; type?: string }[],
  extensionId: string,
  expression: string,
): Promise<string> {
  await expect
    .poll(() => contexts.find((c) => c.type === 'isolated' && c.origin.includes(extensionId)))
    .toBeTruthy();
  const isolated = contexts.find((c) => c.type === 'isolated' && c.origin.includes(extensionId))!;
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: isolated.id,
    awaitPromise: true,
    returnByValue: true,
    expression,
  });
  return String(result.value);
}

test.skip(!!policyDirWritable(), policyDirWritable() ?? '');

test('a browser with only a policy file: settings locked, the policy’s key used, a session started', async ({
  fake,
}) => {
  test.setTimeout(60_000);
  fake.setKey(POLICY_KEY, 'ok');
  const policy = writePolicy({
    ApiEndpoint: 'https://api.upscope.io/v1.1',
    ApiKey: POLICY_KEY,
    SessionPermissions: 'view',
    FreshnessSeconds: 120,
    NotifyWhenBack: false,
    DisabledHelpdesks: ['gmail'],
    CustomDomains: [{ Origin: 'https://support.acme.com', Helpdesk: 'zendesk' }],
    AgentIdentitySource: 'helpdesk',
    // Not a schema value: Chromium drops it (and the worker would), the rest still applies.
    ToolbarOpens: 'nowhere',
  });
  let launched: Awaited<ReturnType<typeof launchWithExtension>> | null = null;
  try {
    launched = await launchWithExtension();
    const { context, extensionId, serviceWorker } = launched;
    expect(extensionId, 'the policy names the id Chromium gave the build').toBe(
      unpackedExtensionId(DIST),
    );
    await routeFakeUpscope(context, fake);

    // The worker reads the policy as Chromium hands it over.
    await expect
      .poll(() => serviceWorker.evaluate(() => chrome.storage.managed.get()))
      .toMatchObject({ ApiKey: POLICY_KEY, SessionPermissions: 'view' });

    const options = await context.newPage();
    await options.goto(extensionUrl(extensionId, 'src/options/index.html'));
    await expect(options.getByText('Your organisation manages the settings marked')).toBeVisible();
    const key = options.getByLabel('API key');
    await expect(key).toHaveAttribute('readonly', '');
    await expect(
      options.getByText(`Provided by your organisation: key ending in ${POLICY_KEY.slice(-4)}`),
    ).toBeVisible();
    await expect(options.getByRole('button', { name: 'Remove key' })).toHaveCount(0);
    await expect(options.getByLabel('API endpoint')).toHaveAttribute('readonly', '');
    await expect(options.getByRole('radio', { name: /^View only/ })).toBeChecked();
    await expect(options.getByRole('radio', { name: /^View only/ })).toBeDisabled();
    await expect(options.getByRole('radio', { name: /^Full control/ })).toBeDisabled();
    await expect(options.getByLabel('Reuse a visitor’s status for')).toBeDisabled();
    await expect(options.getByLabel('Reuse a visitor’s status for')).toHaveValue('120');
    // The helpdesk switches fold behind one button; opened, the policy's choice shows, locked.
    await options.getByRole('button', { name: /^Badge on 17 of 18 helpdesks/ }).click();
    await expect(options.getByRole('checkbox', { name: /Gmail/ })).not.toBeChecked();
    await expect(options.getByRole('checkbox', { name: /Zendesk/ })).toBeDisabled();
    // The organisation's helpdesk domain: not removable, and the browser's access to it is the
    // agent's to allow (a policy cannot grant it).
    await expect(
      options.getByRole('cell', { name: 'https://support.acme.com', exact: true }),
    ).toBeVisible();
    await expect(
      options.getByRole('button', { name: 'Allow access to https://support.acme.com' }),
    ).toBeVisible();
    await expect(
      options.getByRole('button', { name: 'Remove https://support.acme.com' }),
    ).toHaveCount(0);
    await expect(options.getByLabel('Helpdesk address')).toHaveCount(0);
    // What the policy leaves alone stays the agent's: the invalid ToolbarOpens too.
    await expect(options.getByRole('checkbox', { name: /browser console/ })).toBeEnabled();
    // Locked controls and their notes are still named and described for a screen reader.
    await expectAccessible(options);
    // The page asked Upscope for the team's usage with the policy's key.
    expect(
      fake.requests.some(
        (r) => r.path === '/v1.1/usage.json' && r.headers['x-api-key'] === POLICY_KEY,
      ),
    ).toBe(true);

    // The agent's name and ID come from the helpdesk: read-only, empty until a ticket is open.
    await expect(
      options.getByText('No helpdesk has said who is signed in yet', { exact: false }),
    ).toBeVisible();
    await expect(options.getByLabel('Agent name')).toHaveAttribute('readonly', '');
    await expect(options.getByLabel('Agent ID')).toHaveAttribute('readonly', '');
    await options.close();

    // A ticket: the helpdesk says who is signed in (its users/me.json), the badge finds the
    // customer with the policy's key, and the session carries the policy's preset and the
    // helpdesk's agent, nothing typed and nothing asked.
    await serveHelpdesk(context, {
      ...ZENDESK,
      json: { ...ZENDESK.json, '/api/v2/users/me.json': 'zendesk/users-me.json' },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const contexts: { id: number; origin: string; type?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) =>
      contexts.push({ id: c.id, origin: c.origin, type: c.auxData?.type }),
    );
    await cdp.send('Runtime.enable');
    await page.goto(TICKET_URL);
    await badgeOf(page).hasText('Co-browse with Jane · Online');
    await expect
      .poll(() => serviceWorker.evaluate(() => chrome.storage.session.get('agent:zendesk')))
      .toMatchObject({ 'agent:zendesk': { id: '3412', name: 'Sam Support' } });
    const opened = context.waitForEvent('page');
    await badgeOf(page).click();
    await expect(await opened).toHaveURL(/^https:\/\/o\.upscope\.io\//);
    expect(fake.watchSessions).toHaveLength(1);
    expect(fake.watchSessions[0]!.shortId).toBe(SEED_IDS.jane);
    expect(fake.watchSessions[0]!.body).toMatchObject({
      agent: { id: 'zendesk-3412', name: 'Sam Support' },
    });
    expect(fake.watchSessions[0]!.permissions).toMatchObject({
      allow_click: false,
      allow_type: false,
      allow_draw: false,
    });
    const apiCalls = fake.requests.filter((r) => r.path.startsWith('/v1.1/'));
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((r) => r.headers['x-api-key'] === POLICY_KEY)).toBe(true);

    // The options page shows the helpdesk's agent, read-only.
    const shown = await context.newPage();
    await shown.goto(extensionUrl(extensionId, 'src/options/index.html'));
    await expect(shown.getByLabel('Agent name')).toHaveValue('Sam Support');
    await expect(shown.getByLabel('Agent ID')).toHaveValue('zendesk-3412');
    await expect(shown.getByLabel('Agent ID')).toHaveAttribute('readonly', '');
    await expect(
      shown.getByText('Your organisation has your name and ID read from the helpdesk'),
    ).toBeVisible();
    await shown.close();

    // Custody: the helpdesk page's content script cannot read the policy (and its key) from
    // storage.managed: the worker closed it to content scripts.
    const managed = await inContentScript(
      cdp,
      contexts,
      extensionId,
      `(async () => {
        try { return JSON.stringify(await chrome.storage.managed.get(null)); }
        catch (e) { return 'refused: ' + e.message; }
      })()`,
    );
    expect(managed).not.toContain(POLICY_KEY);
    expect(managed).toMatch(/^refused: /);

    // The administrator rotates the key and changes the policy while the browser runs: once
    // Chromium reloads it, the running worker copies the new key (storage.onChanged) and uses the
    // new values without a restart.
    fake.setKey(NEW_POLICY_KEY, 'ok');
    policy.rewrite({ ApiKey: NEW_POLICY_KEY, SessionPermissions: 'guide', FreshnessSeconds: 300 });
    const policyPage = await context.newPage();
    await policyPage.goto('chrome://policy');
    await policyPage.getByRole('button', { name: 'Reload policies' }).click();
    const settingsPage = await context.newPage();
    await settingsPage.goto(extensionUrl(extensionId, 'src/options/index.html'));
    await expect(settingsPage.getByRole('radio', { name: /^Guide/ })).toBeChecked();
    // The policy no longer says where the agent's identity comes from: theirs to type again.
    await expect(settingsPage.getByLabel('Agent name')).not.toHaveAttribute('readonly', '');
    await expect(settingsPage.getByLabel('Reuse a visitor’s status for')).toHaveValue('300');
    await expect(
      settingsPage.getByText(
        `Provided by your organisation: key ending in ${NEW_POLICY_KEY.slice(-4)}`,
      ),
    ).toBeVisible();
    // Helpdesks are no longer the policy's: the agent may choose them again.
    await settingsPage.getByRole('button', { name: /^Badge on .* helpdesks · Change$/ }).click();
    await expect(settingsPage.getByRole('checkbox', { name: /Zendesk/ })).toBeEnabled();
  } finally {
    policy.remove();
    await launched?.close();
  }
});
