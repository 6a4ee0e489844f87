/**
 * The demo's Chromium: the same build, binary and flags as the end-to-end tests
 * (test/e2e/support/browser.ts), but with a window the user can resize when headed, and signals
 * left to the demo so that Ctrl+C closes the browser, the server and the profile in order.
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath, DIST } from '../../test/e2e/support/browser';

export interface DemoBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** The throwaway profile; gone after close(). */
  profile: string;
  /** Closes the browser (if it is still open) and deletes the profile. Safe to call twice. */
  close(): Promise<void>;
}

export async function launchDemoBrowser(options: { headless: boolean }): Promise<DemoBrowser> {
  if (!existsSync(chromiumPath())) {
    throw new Error(
      `Chromium not found at ${chromiumPath()}: apt-get install chromium, or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(join(DIST, 'manifest.json'))) {
    throw new Error(`No built extension in ${DIST}: run without --no-build.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'cobrowse-demo-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: options.headless,
      // Headed, the page follows the window; headless, a fixed size for readable screenshots.
      viewport: options.headless ? { width: 1280, height: 800 } : null,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        ...chromiumArgs([DIST]),
        '--no-default-browser-check',
        // Headless, the walk finds buttons by their English names; headed, the user's language.
        ...(options.headless ? ['--lang=en-US'] : ['--window-size=1280,860']),
      ],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const ours = (w: Worker) => w.url().endsWith('/service-worker-loader.js');
  const serviceWorker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
  let closing: Promise<void> | undefined;
  return {
    context,
    serviceWorker,
    extensionId: new URL(serviceWorker.url()).host,
    profile,
    close() {
      closing ??= context
        .close()
        .catch(() => undefined)
        .then(() => rmSync(profile, { recursive: true, force: true }));
      return closing;
    },
  };
}
