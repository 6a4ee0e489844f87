/**
 * `npm run demo`: builds the extension, serves the API from the project's fake Upscope server,
 * and opens Chromium with the extension loaded. With a display it is a normal browser window to
 * drive by hand; without one (a server, CI) it runs headless, takes screenshots and exits.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEMO_API_KEY,
  FakeUpscope,
  routeFakeUpscope,
  startFakeUpscopeServer,
} from '../test/fake-upscope';
import { extensionUrl, launchWithExtension } from '../test/e2e/support/browser';

const OUT = resolve(import.meta.dirname, '../artifacts/demo');
const headed =
  Boolean(process.env.DISPLAY) && !process.env.CI && !process.argv.includes('--headless');

async function main(): Promise<void> {
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });

  const fake = new FakeUpscope();
  const server = await startFakeUpscopeServer(fake, { port: 0 });
  const browser = await launchWithExtension({ headless: !headed });
  await routeFakeUpscope(browser.context, fake);

  let closed = false;
  const shutdown = async (code: number) => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  console.log(
    `Demo API:  https://api.upscope.io/v1.1 (answered by the fake server; also at ${server.baseUrl})`,
  );
  console.log(`Demo key:  ${DEMO_API_KEY}`);

  const options = await browser.context.newPage();
  await options.goto(extensionUrl(browser.extensionId, 'src/options/index.html'));
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(extensionUrl(browser.extensionId, 'src/popup/index.html'));

  if (headed) {
    console.log('Chromium is open with the extension loaded. Close it or press Ctrl+C to stop.');
    browser.context.once('close', () => void shutdown(0));
    return;
  }

  mkdirSync(OUT, { recursive: true });
  const shots = { 'options.png': options, 'popup.png': popup };
  for (const [name, page] of Object.entries(shots)) {
    await page.screenshot({ path: resolve(OUT, name), fullPage: true });
    console.log(`Screenshot: ${resolve(OUT, name)}`);
  }
  await shutdown(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
