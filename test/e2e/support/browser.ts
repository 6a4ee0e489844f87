import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST = resolve(import.meta.dirname, '../../..', process.env.EXT_OUT_DIR ?? 'dist');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Chromium's switches for a quiet, throwaway browser with these unpacked extensions loaded. */
export function chromiumArgs(extensions: string[]): string[] {
  const loaded = extensions.join(',');
  return [
    `--disable-extensions-except=${loaded}`,
    `--load-extension=${loaded}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with the built extension loaded, in a throwaway profile. */
export async function launchWithExtension(
  options: {
    headless?: boolean;
    env?: Record<string, string>;
    /** More unpacked extensions to load beside ours (e.g. a hostile one). */
    alongside?: string[];
    /** Leave open the settings tab the extension opens on install (closed by default). */
    keepWelcomeTab?: boolean;
    /**
     * The browser's UI language, e.g. 'de'. `--lang` picks the extension's _locales (Debian's
     * Chromium ships only en-US.pak, so the browser's own UI and i18n.getUILanguage() stay en-US;
     * env LANGUAGE/LANG change nothing); Playwright's `locale` sets navigator.language and the
     * pages' i18n.getUILanguage(), which format dates, numbers and country names.
     */
    lang?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cobrowse-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    ...(options.lang ? { locale: options.lang } : {}),
    ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
    args: [
      ...chromiumArgs([DIST, ...(options.alongside ?? [])]),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const ours = (w: Worker) => w.url().endsWith('/service-worker-loader.js');
  const serviceWorker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours }));
  const extensionId = new URL(serviceWorker.url()).host;
  // The worker opens its settings on install. Left open, that page would race a test's first
  // navigation and, once the test saves a key, ask Upscope for usage on its own.
  const welcome = await waitForWelcomeTab(context, extensionId);
  if (!options.keepWelcomeTab) {
    // A headed browser quits with its last window: leave a blank tab in its place.
    await context.newPage();
    await welcome?.close();
  }
  return {
    context,
    serviceWorker,
    extensionId,
    async close() {
      await context.close();
      try {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch (error) {
        // A profile Chromium is still writing as it exits is only litter in /tmp, not a failure.
        console.warn(`Could not remove ${userDataDir}: ${String(error)}`);
      }
    },
  };
}

/**
 * The settings tab a fresh install opens, once loaded; null if it did not come within 10 s (seen
 * once in about 150 launches, headed under Xvfb with two browsers starting at once). A test of
 * something else must not fail for that; the smoke test asserts the tab opens.
 */
async function waitForWelcomeTab(
  context: BrowserContext,
  extensionId: string,
): Promise<Page | null> {
  const url = extensionUrl(extensionId, 'src/options/index.html');
  // A new tab can start at about:blank, so poll the open pages rather than judge the first event.
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) {
      await page.waitForLoadState('load');
      return page;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

export function extensionUrl(extensionId: string, path: string): string {
  return `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
}
