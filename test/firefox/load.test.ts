import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, FakeUpscope, SEED_IDS } from '../fake-upscope';
import { FIREFOX_MIN_VERSION } from '../../scripts/firefox-manifest';
import {
  launchFirefoxWithExtension,
  sendFromPage,
  serveHelpdesk,
  type FirefoxWithExtension,
} from './support/firefox';

const ZENDESK = 'https://acme.zendesk.com';

describe('the Firefox build in Firefox ESR', () => {
  const fake = new FakeUpscope();
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(fake);
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('runs on a Firefox at least as new as strict_min_version', async () => {
    const [, version] = (await firefox.browser.version()).split('/');
    expect(parseFloat(version!)).toBeGreaterThanOrEqual(parseFloat(FIREFOX_MIN_VERSION));
  });

  it('starts the background, which answers the options page', async () => {
    const page = await firefox.openExtensionPage('src/options/index.html');
    await page.waitForSelector('h1');
    expect(await page.$eval('h1', (h) => h.textContent?.trim())).toBeTruthy();
    const reply = await sendFromPage(page, { type: 'settings/get' });
    expect(reply.ok).toBe(true);
    expect(reply.data.settings.apiBaseUrl).toBe('https://api.upscope.io/v1.1');
    expect(reply.data.key.present).toBe(false);
    await page.close();
  });

  it('has the API and helpdesk host permissions granted at install (MV3 on Firefox)', async () => {
    const page = await firefox.openExtensionPage('src/options/index.html');
    const granted = await page.evaluate(
      (origins) => {
        const { permissions } = (globalThis as unknown as { browser: typeof chrome }).browser;
        return permissions.contains({ origins });
      },
      ['https://api.upscope.io/*', `${ZENDESK}/*`],
    );
    expect(granted).toBe(true);
    await page.close();
  });

  it('checks and keeps a key against the API from the background', async () => {
    const page = await firefox.openExtensionPage('src/options/index.html');
    const saved = await sendFromPage(page, { type: 'key/save', apiKey: DEMO_API_KEY });
    expect(saved).toMatchObject({ ok: true, data: { outcome: 'valid' } });
    expect(fake.requests.map((r) => r.path)).toContain('/v1.1/usage.json');
    const agent = { agentId: 'agent-7', agentName: 'Joe Smith' };
    expect(await sendFromPage(page, { type: 'settings/save', patch: agent })).toMatchObject({
      ok: true,
    });
    await page.close();
  });

  it('shows the badge on a Zendesk ticket, read with the agent’s helpdesk session; a real click starts co-browsing', async () => {
    const page = await firefox.browser.newPage();
    const asked = await serveHelpdesk(page, {
      origin: ZENDESK,
      page: 'zendesk/ticket.html',
      json: { '/api/v2/tickets/123.json?include=users': 'zendesk/ticket-123.json' },
    });
    await page.goto(`${ZENDESK}/agent/tickets/123`);
    // The badge's shadow root is closed: a page, and so this test, sees only its host element. A
    // real click on it is the agent's: once the customer is found online, it starts co-browsing.
    const host = await page.waitForSelector('cobrowse-badge', { timeout: 10_000 });
    const box = (await host!.boundingBox())!;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await new Promise((r) => setTimeout(r, 500));
      if (fake.watchSessions.length > 0) break;
    }
    expect(fake.watchSessions.map((s) => s.body)).toMatchObject([
      { agent: { id: 'agent-7', name: 'Joe Smith' } },
    ]);
    const ticketJson = asked.find((r) => r.path.startsWith('/api/v2/tickets/123.json'));
    // The ticket JSON goes out as the page's own same-origin request, with the agent's helpdesk
    // session cookie. (Firefox 153 sends the same headers for content.fetch and a content script's
    // plain fetch, so which of the two read.ts picked is not visible from here.)
    expect(ticketJson?.headers['sec-fetch-site']).toBe('same-origin');
    expect(ticketJson?.headers['cookie']).toContain('agent_session=s3cr3t');
    expect(fake.requests.some((r) => r.path.startsWith('/v1.1/list.json'))).toBe(true);
    await page.close();
  });

  it('the popup finds a visitor by search and shows them, ready to co-browse', async () => {
    const page = await firefox.openExtensionPage('src/popup/index.html');
    const search = await page.waitForSelector('input[type="search"]');
    await search!.type('maria.garcia@example.com');
    await search!.press('Enter');
    const card = await page.waitForSelector('[data-testid="visitor"] #visitor-name', {
      timeout: 10_000,
    });
    expect(await card!.evaluate((h) => h.textContent?.trim())).toBe('Maria Garcia');
    const start = await page.waitForSelector('[data-testid="card-actions"] button.primary');
    expect(await start!.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(await start!.evaluate((b) => b.textContent)).toBe('Start co-browsing with Maria');
    await page.close();
  });

  it('the sidebar (the side panel’s page) follows the ticket tab brought to the front', async () => {
    const ticket = await firefox.browser.newPage();
    await serveHelpdesk(ticket, {
      origin: ZENDESK,
      page: 'zendesk/ticket.html',
      json: { '/api/v2/tickets/123.json?include=users': 'zendesk/ticket-123.json' },
    });
    await ticket.goto(`${ZENDESK}/agent/tickets/123`);
    await ticket.waitForSelector('cobrowse-badge', { timeout: 10_000 });
    // Opened as a tab of its window; the sidebar follows the active tab of its window the same way.
    const panel = await firefox.openExtensionPage('src/sidepanel/index.html');
    await panel.waitForSelector('input[type="search"]');
    await ticket.bringToFront();
    const name = await panel.waitForSelector('[data-testid="visitor"] #visitor-name', {
      timeout: 10_000,
    });
    expect(await name!.evaluate((h) => h.textContent?.trim())).toBe('Jane Doe');
    expect(await panel.$eval('.context-meta', (e) => e.textContent)).toBe('Zendesk · #123');
    await panel.close();
    await ticket.close();
  });

  it('a watched customer who comes back is announced in a notification Firefox accepts', async () => {
    const page = await firefox.openExtensionPage('src/options/index.html');
    // Headless Firefox shows a notice to nobody and soon closes it, so the test listens at the
    // background's own notifications.create: what it asked for, and whether Firefox took it.
    await page.evaluate(async () => {
      type Create = (...args: unknown[]) => Promise<string>;
      const { runtime } = (globalThis as unknown as { browser: typeof chrome }).browser;
      const background = (await runtime.getBackgroundPage()) as unknown as {
        browser: { notifications: { create: Create } };
      };
      const { notifications } = background.browser;
      const created: unknown[] = [];
      Object.assign(globalThis, { created });
      const create = notifications.create.bind(notifications);
      notifications.create = async (...args) => {
        try {
          const id = await create(...args);
          created.push({ args, accepted: id });
          return id;
        } catch (error) {
          created.push({ args, refused: String(error) });
          throw error;
        }
      };
    });
    // Answers are reused for 30 s at the least: the next look is the presence alarm's, 30 s on.
    expect(
      await sendFromPage(page, { type: 'settings/save', patch: { freshnessSeconds: 30 } }),
    ).toMatchObject({ ok: true });
    const watched = await sendFromPage(page, {
      type: 'watch/add-found',
      shortId: SEED_IDS.tom,
      query: 'tom.baker@example.com',
    });
    expect(watched).toMatchObject({ ok: true, data: { entries: [{ back: false }] } });
    fake.updateVisitor(SEED_IDS.tom, { is_online: true });
    let created: unknown[] = [];
    for (const deadline = Date.now() + 50_000; Date.now() < deadline;) {
      created = await page.evaluate(
        () => (globalThis as unknown as { created: unknown[] }).created,
      );
      if (created.length > 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const id = `watch:${SEED_IDS.tom}`;
    // One notice, in the shape Firefox takes (no buttons: Firefox has none), and taken.
    expect(created).toEqual([
      {
        args: [
          id,
          {
            type: 'basic',
            iconUrl: expect.stringMatching(/^moz-extension:\/\/.+\/icons\/icon-128\.png$/),
            title: 'Tom Baker is on your website now',
            message: 'Found by your search for tom.baker@example.com · Click to start co-browsing.',
          },
        ],
        accepted: id,
      },
    ]);
    const list = await sendFromPage(page, { type: 'watch/list' });
    expect(list.data.entries).toMatchObject([{ id: SEED_IDS.tom, back: true }]);
    await page.close();
  }, 70_000);

  it('sent the extension’s traffic only to the fakes, never out of the machine', () => {
    // The proxy refuses (and records) all else, e.g. Firefox's own update and settings services.
    // Upscope's co-browsing viewer (o.upscope.io), which the badge click opened in a tab, is the
    // one Upscope host not served here: refusing it is expected.
    const viewer = (host: string) => host.startsWith('o.upscope.io:');
    expect(firefox.refused.filter((host) => /zendesk|upscope/.test(host) && !viewer(host))).toEqual(
      [],
    );
  });
});
