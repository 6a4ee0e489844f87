import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FakeUpscope, routeFakeUpscope } from '../../fake-upscope';
import { listedAs, readmeRequests } from '../../fake-upscope/readme-requests';
import { extensionUrl, launchWithExtension } from './browser';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

interface ExtensionFixtures {
  fake: FakeUpscope;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens one of the extension's own pages (popup, options) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Serves a committed HTML fixture at a real helpdesk URL, as the helpdesk would. */
  serveTicket(url: string, fixture: string): Promise<void>;
}

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

/**
 * Puts a browser that ran a test back to the state of a fresh install, as far as the product can
 * tell: no pages, no routes, empty storage (both key stores too), no alarms, no registered content
 * scripts, no optional host permissions. Launching a browser costs about 3 s of CPU; this costs
 * a few milliseconds, so tests share one browser per Playwright worker unless they ask otherwise.
 */
async function resetBrowser(launched: Launched): Promise<void> {
  const { context, serviceWorker } = launched;
  await context.newPage();
  for (const page of context.pages().slice(0, -1)) await page.close();
  // Route handlers still running finish against the old fake before the routes go.
  await context.unrouteAll({ behavior: 'wait' });
  await serviceWorker.evaluate(async () => {
    await chrome.alarms.clearAll();
    const scripts = await chrome.scripting.getRegisteredContentScripts();
    if (scripts.length) {
      await chrome.scripting.unregisterContentScripts({ ids: scripts.map((s) => s.id) });
    }
    const manifest = chrome.runtime.getManifest();
    const required = new Set([
      ...(manifest.host_permissions ?? []),
      ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []),
    ]);
    const granted = (await chrome.permissions.getAll()).origins ?? [];
    const optional = granted.filter((origin) => !required.has(origin));
    if (optional.length) await chrome.permissions.remove({ origins: optional });
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('helpdesk-cobrowse-secrets');
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  });
}

export const test = base.extend<
  ExtensionFixtures & {
    launched: Launched;
    /**
     * The browser's UI language (`test.use({ uiLanguage: 'de' })`); the default is English. The
     * language is fixed at launch, so each language has its own shared browser.
     */
    uiLanguage: string | undefined;
    /**
     * A browser of the test's own (`test.use({ freshBrowser: true })`), for tests that stop or
     * reload the extension, or look at what a new install does.
     */
    freshBrowser: boolean;
  },
  { sharedBrowser: { get(lang: string | undefined): Promise<Launched> } }
>({
  uiLanguage: [undefined, { option: true }],
  freshBrowser: [false, { option: true }],
  // Launched on first use only, so a worker that runs only fresh-browser tests never starts one.
  sharedBrowser: [
    async ({}, use) => {
      const launched = new Map<string, Promise<Launched>>();
      await use({
        get(lang) {
          const key = lang ?? '';
          if (!launched.has(key)) launched.set(key, launchWithExtension(lang ? { lang } : {}));
          return launched.get(key)!;
        },
      });
      for (const browser of launched.values()) await (await browser).close();
    },
    { scope: 'worker' },
  ],
  // Whatever a test did, every request that reached the API is one the README's privacy section
  // lists: a new request fails every test that makes it until the README says so.
  fake: async ({}, use) => {
    const fake = new FakeUpscope();
    await use(fake);
    const listed = readmeRequests();
    const unlisted = fake.requests
      .filter((r) => r.path.startsWith(`${fake.basePath}/`))
      .map((r) => `${r.method} ${r.path.slice(fake.basePath.length)}`)
      .filter((request) => {
        const [method, path] = request.split(' ') as [string, string];
        return !listedAs(listed, method, path);
      });
    expect(unlisted, 'requests the README does not list').toEqual([]);
  },
  launched: async ({ fake, uiLanguage, freshBrowser, sharedBrowser }, use) => {
    const own = freshBrowser;
    const launched = own
      ? await launchWithExtension(uiLanguage ? { lang: uiLanguage } : {})
      : await sharedBrowser.get(uiLanguage);
    // Registered before any test step: the worker's own fetches to the API go through the fake.
    await routeFakeUpscope(launched.context, fake);
    await use(launched);
    if (own) await launched.close();
    else await resetBrowser(launched);
  },
  context: async ({ launched }, use) => use(launched.context),
  serviceWorker: async ({ launched }, use) => use(launched.serviceWorker),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(extensionUrl(extensionId, path));
      return page;
    });
  },
  serveTicket: async ({ context }, use) => {
    await use(async (url, fixture) => {
      const html = readFileSync(resolve(FIXTURES, fixture), 'utf8');
      await context.route(url, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
    });
  },
});

export const expect = test.expect;
