import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FakeUpscope, routeFakeUpscope } from '../../fake-upscope';
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

export const test = base.extend<
  ExtensionFixtures & {
    launched: Awaited<ReturnType<typeof launchWithExtension>>;
    /** The browser's UI language (`test.use({ uiLanguage: 'de' })`); the default is English. */
    uiLanguage: string | undefined;
  }
>({
  uiLanguage: [undefined, { option: true }],
  fake: async ({}, use) => {
    await use(new FakeUpscope());
  },
  launched: async ({ fake, uiLanguage }, use) => {
    const launched = await launchWithExtension(uiLanguage ? { lang: uiLanguage } : {});
    // Registered before any test step: the worker's own fetches to the API go through the fake.
    await routeFakeUpscope(launched.context, fake);
    await use(launched);
    await launched.close();
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
