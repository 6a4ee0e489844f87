import type { Page, Worker } from '@playwright/test';
import { SEED_IDS, type FakeUpscope } from '../fake-upscope';
import { configureExtension } from './support/extension';
import { expect, test } from './support/fixtures';
import { badgeOf, serveHelpdesk, ZENDESK } from './support/helpdesk';
import { tabIdOf } from './support/worker';

async function toolbarText(serviceWorker: Worker, tabId: number): Promise<string> {
  return serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

function searches(fake: FakeUpscope): string[] {
  return fake.requests
    .filter((r) => r.path.endsWith('/list.json') && r.query.search)
    .map((r) => r.query.search!);
}

/** Every error the page itself sees: the content script must never throw into the helpdesk. */
function pageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  return errors;
}

test.describe('Zendesk ticket', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await configureExtension(serviceWorker);
  });

  test('shows the requester online beside their name, and the toolbar agrees', async ({
    context,
    serviceWorker,
  }) => {
    await serveHelpdesk(context, ZENDESK);
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto('https://acme.zendesk.com/agent/tickets/123');

    await badgeOf(page).hasText('Co-browse with Jane · Online');
    await badgeOf(page).hasName(/Co-browse: Jane Doe is on your website now/);
    // Beside the requester field of the ticket in view, not in the hidden background tab.
    const placed = await page.evaluate(() => {
      const host = document.querySelector('cobrowse-badge')!;
      return host.previousElementSibling?.getAttribute('data-test-id');
    });
    expect(placed).toBe('ticket-system-field-requester-select');
    await expect(page.locator('cobrowse-badge')).toHaveCount(1);
    expect(await toolbarText(serviceWorker, await tabIdOf(page, serviceWorker))).toBe('ON');
    expect(errors).toEqual([]);
  });

  test('follows the helpdesk from ticket to ticket without a page load, never showing the last customer', async ({
    context,
    serviceWorker,
    fake,
  }) => {
    const asked = await serveHelpdesk(context, ZENDESK);
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto('https://acme.zendesk.com/agent/tickets/123');
    await badgeOf(page).hasText('Co-browse with Jane · Online');
    const tabId = await tabIdOf(page, serviceWorker);

    // The helpdesk's own router: pushState and a new workspace, no navigation.
    await page.click('#open-124');
    await expect(page).toHaveURL(/\/agent\/tickets\/124$/);
    await badgeOf(page).hasText('Tom · seen 3h ago');
    await badgeOf(page).hasName(/Tom Baker is not on your website/);
    await expect(page.locator('cobrowse-badge')).toHaveCount(1);
    const inView = await page.evaluate(() => {
      const host = document.querySelector('cobrowse-badge')!;
      return host.closest('.workspace')?.textContent?.includes('Cannot log in');
    });
    expect(inView).toBe(true);
    await expect.poll(() => toolbarText(serviceWorker, tabId)).toBe('OFF');

    // Back to the first ticket: its visitor is known, so no new search is made.
    const before = searches(fake).length;
    await page.goBack();
    await badgeOf(page).hasText('Co-browse with Jane · Online');
    expect(searches(fake).length).toBe(before);

    // Leaving tickets altogether takes the badge and the toolbar state away.
    await page.click('#open-dashboard');
    await expect(page.locator('cobrowse-badge')).toHaveCount(0);
    await expect.poll(() => toolbarText(serviceWorker, tabId)).toBe('');
    expect(asked.filter((p) => p.includes('/123.json')).length).toBe(1);
    expect(errors).toEqual([]);
  });

  test('one click on the badge opens co-browsing beside the ticket; a double click opens one session', async ({
    context,
    fake,
  }) => {
    await serveHelpdesk(context, ZENDESK);
    const page = await context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/123');
    await badgeOf(page).hasText('Co-browse with Jane · Online');

    const opened = context.waitForEvent('page');
    await badgeOf(page).dblclick();
    const session = await opened;
    await expect(session).toHaveURL(/^https:\/\/o\.upscope\.io\//);
    await badgeOf(page).hasNote(/opened in a new tab/);
    expect(fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.jane]);
  });

  test('the badge is the agent’s: the page cannot read who is online, press it, or forge a start', async ({
    context,
    fake,
  }) => {
    await serveHelpdesk(context, ZENDESK);
    const page = await context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/123');
    await badgeOf(page).hasText('Co-browse with Jane · Online');
    await badgeOf(page).hasName(/Jane Doe/);

    // What a script on the helpdesk origin sees and can do.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('cobrowse-badge') as HTMLElement;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      for (const key of ['Enter', ' '])
        host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      return {
        root: host.shadowRoot === null,
        attributes: host.getAttributeNames(),
        markup: host.outerHTML,
      };
    });
    expect(seen.root).toBe(true);
    expect(seen.attributes).toEqual(['style']);
    expect(seen.markup).not.toMatch(/Jane|online|jane\.doe/i);

    // The content script's own world sending starts that name no view, or one it was not given.
    const cdp = await context.newCDPSession(page);
    const worlds: { id: number; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
    await cdp.send('Runtime.enable');
    const own = worlds.find((c) => c.origin.startsWith('chrome-extension://'));
    expect(own).toBeDefined();
    for (const message of [
      { type: 'ticket/start-cobrowse' },
      { type: 'ticket/start-cobrowse', nonce: '' },
      { type: 'ticket/start-cobrowse', nonce: 'a-view-never-issued' },
    ]) {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId: own!.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      });
      expect(result.value).toMatchObject({ ok: false });
    }
    await page.waitForTimeout(500);
    expect(fake.watchSessions).toEqual([]);

    // The agent's real click on the real badge starts one session.
    const opened = context.waitForEvent('page');
    await badgeOf(page).click();
    await opened;
    expect(fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.jane]);
  });

  test('without the helpdesk API, the visible ticket is read from the page', async ({
    context,
  }) => {
    await serveHelpdesk(context, { ...ZENDESK, json: {} });
    const page = await context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/123');
    await badgeOf(page).hasName(/Jane Doe is on your website now/);
  });

  test('a page that is not a ticket gets no badge and makes no request', async ({
    context,
    fake,
  }) => {
    await serveHelpdesk(context, ZENDESK);
    const page = await context.newPage();
    await page.goto('https://acme.zendesk.com/agent/dashboard');
    await page.waitForTimeout(1200);
    await expect(page.locator('cobrowse-badge')).toHaveCount(0);
    expect(fake.requests).toEqual([]);
  });
});

test('before a key is saved, the badge says "Set up", and a click opens the settings', async ({
  context,
  serviceWorker,
  extensionId,
  fake,
}) => {
  await configureExtension(serviceWorker, { apiKey: null });
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  await badgeOf(page).hasText('Set up');
  const opened = context.waitForEvent('page');
  await badgeOf(page).click();
  const settings = await opened;
  await settings.waitForLoadState();
  expect(settings.url()).toBe(`chrome-extension://${extensionId}/src/options/index.html`);
  // The badge says why too, for the agent who looks back at the ticket.
  await badgeOf(page).hasNote(/API key/);
  expect(fake.requests).toEqual([]);
});

test.describe('in a browser of its own (the worker is stopped or reloaded)', () => {
  test.use({ freshBrowser: true });

  test('when the extension is reloaded or removed under an open ticket, its old script leaves quietly', async ({
    context,
    serviceWorker,
  }) => {
    await configureExtension(serviceWorker);
    await serveHelpdesk(context, ZENDESK);
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto('https://acme.zendesk.com/agent/tickets/123');
    await badgeOf(page).hasText('Co-browse with Jane · Online');

    // Playwright's Chromium does not bring a reloaded unpacked extension back, so this checks the
    // old copy's side: its context dies, and the page must not notice beyond the badge going.
    await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect(page.locator('cobrowse-badge')).toHaveCount(0, { timeout: 5_000 });
    await page.click('#open-124');
    await page.evaluate(() => window.dispatchEvent(new Event('popstate')));
    await page.waitForTimeout(1_200);
    await expect(page.locator('cobrowse-badge')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe('other helpdesks', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await configureExtension(serviceWorker);
  });

  test('Freshdesk: the requester from its ticket JSON, waiting for a call', async ({ context }) => {
    await serveHelpdesk(context, {
      origin: 'https://acme.freshdesk.com',
      page: 'freshdesk/ticket.html',
      json: { '/api/_/tickets/10?include=requester': 'freshdesk/ticket-10.json' },
    });
    const page = await context.newPage();
    await page.goto('https://acme.freshdesk.com/a/tickets/10');
    await badgeOf(page).hasText('Co-browse with Maria · Waiting for a call');
    await badgeOf(page).hasName(/Maria Garcia is waiting for a call/);
  });

  test('Intercom: the conversation’s user from its JSON', async ({ context }) => {
    await serveHelpdesk(context, {
      origin: 'https://app.intercom.com',
      page: 'intercom/conversation.html',
      json: {
        '/ember/inbox/conversations/555?app_id=abc123': 'intercom/conversation-555.json',
      },
    });
    const page = await context.newPage();
    await page.goto('https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/555');
    await badgeOf(page).hasName(/Alex Kim/);
  });

  test('Help Scout: the customer read from the page', async ({ context, fake }) => {
    await serveHelpdesk(context, {
      origin: 'https://secure.helpscout.net',
      page: 'helpscout/conversation.html',
    });
    const page = await context.newPage();
    await page.goto('https://secure.helpscout.net/conversation/1353459485/2675457');
    await badgeOf(page).isVisible();
    expect(searches(fake).length).toBeGreaterThan(0);
  });
});

test('HubSpot: ticket → contact through its CRM API with the CSRF header, then the next ticket', async ({
  context,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const q = 'portalId=4455667';
  const asked = await serveHelpdesk(context, {
    origin: 'https://app.hubspot.com',
    page: 'hubspot/ticket.html',
    json: {
      [`/api/crm/v3/objects/tickets/9001?associations=contacts&${q}`]: 'hubspot/ticket-9001.json',
      [`/api/crm/v3/objects/tickets/9002?associations=contacts&${q}`]: 'hubspot/ticket-9002.json',
      [`/api/crm/v3/objects/contacts/701?properties=email,firstname,lastname&${q}`]:
        'hubspot/contact-701.json',
      [`/api/crm/v3/objects/contacts/702?properties=email,firstname,lastname&${q}`]:
        'hubspot/contact-702.json',
    },
  });
  let csrf: string | undefined;
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url().includes('/objects/tickets/9001')) csrf = r.headers()['x-hubspot-csrf-hubspotapi'];
  });
  await page.goto('https://app.hubspot.com/help-desk/4455667/view/123/ticket/9001');
  // No anchor is known for HubSpot's contact card: the badge is a pill in the corner, and there it
  // names the customer too (not a bare "Online" that could be anyone's).
  await badgeOf(page).hasName(/Jane Doe is on your website now/);
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  expect(
    await page.evaluate(() => getComputedStyle(document.querySelector('cobrowse-badge')!).position),
  ).toBe('fixed');
  expect(csrf).toBe('csrf-token-123');
  await page.click('#next');
  await badgeOf(page).hasText('Join Priya’s session');
  await expect(page.locator('cobrowse-badge')).toHaveCount(1);
  expect(asked.filter((p) => p.includes('/contacts/')).length).toBe(2);
});

test('HubSpot on another data centre (app-na2): injected there, and reads through its CRM API', async ({
  context,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const q = 'portalId=4455667';
  const asked = await serveHelpdesk(context, {
    origin: 'https://app-na2.hubspot.com',
    page: 'hubspot/ticket.html',
    json: {
      [`/api/crm/v3/objects/tickets/9001?associations=contacts&${q}`]: 'hubspot/ticket-9001.json',
      [`/api/crm/v3/objects/contacts/701?properties=email,firstname,lastname&${q}`]:
        'hubspot/contact-701.json',
    },
  });
  const page = await context.newPage();
  await page.goto('https://app-na2.hubspot.com/help-desk/4455667/view/123/ticket/9001');
  await badgeOf(page).hasName(/Jane Doe is on your website now/);
  expect(asked).toEqual([
    `/api/crm/v3/objects/tickets/9001?associations=contacts&${q}`,
    `/api/crm/v3/objects/contacts/701?properties=email,firstname,lastname&${q}`,
  ]);
});

test('Zoho Desk: the org id from its organizations list, then the ticket’s contact, with no page script', async ({
  context,
  serviceWorker,
}) => {
  await configureExtension(serviceWorker);
  const base = '/supportapi/zd/acme/api/v1';
  const asked = await serveHelpdesk(context, {
    origin: 'https://desk.zoho.eu',
    page: 'zohodesk/ticket-shell.html',
    json: {
      [`${base}/organizations`]: 'zohodesk/organizations.json',
      [`${base}/tickets/482000000123456?include=contacts`]: 'zohodesk/ticket-482000000123456.json',
    },
  });
  const orgHeaders: (string | undefined)[] = [];
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url().includes('/supportapi/')) orgHeaders.push(r.headers()['orgid']);
  });
  await page.goto('https://desk.zoho.eu/agent/acme/support/tickets/details/482000000123456');
  await badgeOf(page).hasName(/Maria Garcia/);
  expect(asked).toEqual([
    `${base}/organizations`,
    `${base}/tickets/482000000123456?include=contacts`,
  ]);
  expect(orgHeaders).toEqual([undefined, '20078282365']);
});

test('a web page cannot drive the extension: page messages and events cause no API request', async ({
  context,
  serviceWorker,
  fake,
}) => {
  await configureExtension(serviceWorker);
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/dashboard');
  await page.evaluate(() => {
    const shapes = [
      {
        type: 'ticket/identify',
        helpdesk: 'zendesk',
        identities: { email: 'jane.doe@example.com' },
        visible: true,
      },
      { type: 'ticket/start-cobrowse' },
      { type: 'cobrowse/start', shortId: 'JD7K2P9Q', tabId: 1 },
      { type: 'visitors/search', query: 'jane' },
      { type: 'key/save', apiKey: 'attacker-key' },
      { type: 'visitor/forget', shortId: 'JD7K2P9Q' },
      { type: 'settings/save', patch: { apiBaseUrl: 'https://evil.example' } },
      {
        type: 'badge/update',
        view: { state: 'online', label: 'Online', title: 'x', canStart: true },
      },
    ];
    for (let i = 0; i < 50; i++) {
      for (const shape of shapes) {
        window.postMessage(shape, '*');
        window.postMessage(JSON.stringify(shape), '*');
        document.dispatchEvent(new CustomEvent(shape.type, { detail: shape }));
        window.dispatchEvent(new MessageEvent('message', { data: shape }));
      }
    }
    // A fake badge of the page's own making: clicking it reaches nothing.
    const fakeBadge = document.createElement('cobrowse-badge');
    const lure = document.createElement('button');
    lure.textContent = 'Online';
    fakeBadge.attachShadow({ mode: 'open' }).append(lure);
    document.body.append(fakeBadge);
    lure.click();
  });
  await page.waitForTimeout(1_500);
  expect(fake.requests).toEqual([]);
  expect(fake.watchSessions).toEqual([]);
});

test('the popup for a real ticket tab shows the customer the badge found, from the cache, and starts co-browsing', async ({
  context,
  serviceWorker,
  extensionId,
  fake,
}) => {
  await configureExtension(serviceWorker);
  await serveHelpdesk(context, ZENDESK);
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  await badgeOf(page).hasText('Co-browse with Jane · Online');
  const tabId = await tabIdOf(page, serviceWorker);
  const searched = fake.requests.length;

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
  const visitor = popup.getByTestId('visitor');
  await expect(visitor.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await expect(visitor).toContainText('Online');
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Start co-browsing' }).click();
  await expect(await opened).toHaveURL(/^https:\/\/o\.upscope\.io\//);
  // Still fresh: the popup asked the worker, not Upscope, except to start the session.
  expect(fake.requests.slice(searched).filter((r) => r.method === 'GET')).toEqual([]);
  expect(fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.jane]);
});
