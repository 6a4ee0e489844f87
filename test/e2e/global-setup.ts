import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './support/browser';

// End-to-end tests always run against a fresh production build: what is tested is what ships.
export default function globalSetup(): void {
  if (!existsSync(chromiumPath())) {
    throw new Error(
      `Chromium not found at ${chromiumPath()}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  // `npm test` builds once, just before, and says so.
  if (process.env.EXT_JUST_BUILT === '1') return;
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
}
