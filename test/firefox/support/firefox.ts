import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { startFakeUpscopeServer, type FakeUpscope } from '../../fake-upscope';
import { GECKO_ID } from '../../../scripts/firefox-manifest';
import { startApiProxy } from './api-proxy';
import { FIREFOX_DIST, firefoxPath } from './paths';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/helpdesks');

/** Fixed by pref below so extension pages have a known address (Firefox draws one per profile). */
export const EXTENSION_UUID = '5d1c0b0e-7c55-4f0e-9a57-c0b0c0b0c0b0';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxWithExtension {
  browser: Browser;
  /** host:port the proxy refused: anything Firefox tried to reach outside the test. */
  refused: string[];
  /** Opens one of the extension's own pages (options, popup) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core (no browser
 * download), with the Firefox build installed as a temporary add-on (BiDi webExtension.install).
 *
 * Chosen over `web-ext run`, which only starts Firefox and offers no way to look inside pages, and
 * over Playwright, whose Firefox support needs its own patched Juggler build, not a stock binary.
 *
 * The extension's API traffic to api.upscope.io goes through a local proxy to the fake Upscope
 * server (see api-proxy.ts); helpdesk pages are served per tab with BiDi request interception.
 */
export async function launchFirefoxWithExtension(
  fake: FakeUpscope,
  options: { executablePath?: string } = {},
): Promise<FirefoxWithExtension> {
  const api = await startFakeUpscopeServer(fake);
  const proxy = await startApiProxy(['api.upscope.io'], Number(new URL(api.origin).port));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: options.executablePath ?? firefoxPath(),
      headless: true,
      // Without it, BiDi refuses to navigate a tab to a moz-extension: page.
      args: ['--remote-allow-system-access'],
      // Lets the proxy's throwaway certificate stand in for api.upscope.io.
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        // Every request that is not intercepted goes to the proxy, which refuses all but the API:
        // the test never reaches the network, and Firefox's own services fail fast.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
      },
    });
    const installed = await browser.installExtension(FIREFOX_DIST);
    if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser?.close();
    await Promise.all([proxy.close(), api.close()]);
    throw error;
  }
  const launched = browser;
  return {
    browser: launched,
    refused: proxy.refused,
    async openExtensionPage(path) {
      const page = await launched.newPage();
      // page.goto() waits for navigation events Firefox does not send for moz-extension: pages,
      // so the BiDi navigation is issued directly and waits for the load itself.
      const frame = page.mainFrame() as unknown as {
        browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> };
      };
      await frame.browsingContext.navigate(`${EXTENSION_ORIGIN}/${path}`, 'complete');
      return page;
    },
    async close() {
      await launched.close();
      await Promise.all([proxy.close(), api.close()]);
    },
  };
}

/** Sends a message to the background from an extension page, as the popup and options do. */
export function sendFromPage(page: Page, message: unknown): Promise<LooseReply> {
  return page.evaluate(
    (m) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m),
    message,
  ) as Promise<LooseReply>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are probed field by field
type LooseReply = { ok: boolean; data?: any; error?: any };

export interface HelpdeskSite {
  origin: string;
  /** HTML fixture served at every path of the origin, as a single-page helpdesk does. */
  page: string;
  /** Same-origin JSON fixtures by path + query; any other /api/ path is a 404. */
  json: Record<string, string>;
}

export interface ServedRequest {
  path: string;
  headers: Record<string, string>;
}

/** Serves a helpdesk at its real origin in this tab; returns the API requests it answered. */
export async function serveHelpdesk(page: Page, site: HelpdeskSite): Promise<ServedRequest[]> {
  const html = readFileSync(resolve(FIXTURES, site.page), 'utf8');
  const asked: ServedRequest[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.origin !== site.origin) return void request.continue();
    const path = url.pathname + url.search;
    const fixture = site.json[path];
    if (fixture || path.startsWith('/api/')) {
      asked.push({ path, headers: request.headers() });
      return void request.respond({
        status: fixture ? 200 : 404,
        contentType: 'application/json',
        body: fixture ? readFileSync(resolve(FIXTURES, fixture), 'utf8') : '{}',
      });
    }
    return void request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      // The agent's helpdesk session: same-origin API calls must carry it.
      headers: { 'set-cookie': 'agent_session=s3cr3t; Path=/; Secure; SameSite=Lax' },
      body: html,
    });
  });
  return asked;
}
