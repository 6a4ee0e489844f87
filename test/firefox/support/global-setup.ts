import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { firefoxPath, ROOT } from './paths';

// Like the Chromium e2e tests, the Firefox checks run against a fresh production build: what is
// linted and loaded is what ships. vite honours EXT_OUT_DIR, as FIREFOX_DIST does.
export default function globalSetup(): void {
  if (!existsSync(firefoxPath())) {
    throw new Error(
      `Firefox not found at ${firefoxPath()}. Install Debian's package (apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  // `npm test` builds once, just before, and says so.
  if (process.env.EXT_JUST_BUILT === '1') return;
  execFileSync('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
