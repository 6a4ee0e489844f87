import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { firefoxPath } from './paths';

/**
 * A Firefox that reads `policies` as its policies.json, without writing one where every Firefox on
 * the machine would read it: Firefox takes policies.json from `distribution/` beside its binary,
 * so this is Debian's Firefox ESR laid out again in a temporary folder (the binary copied, so it
 * finds that folder as its own; everything else linked) with its own `distribution/`.
 */
export function firefoxWithPolicies(policies: unknown): { executablePath: string; remove(): void } {
  const binary = realpathSync(firefoxPath());
  const installDir = dirname(binary);
  const dir = mkdtempSync(join(tmpdir(), 'firefox-policies-'));
  for (const entry of readdirSync(installDir)) {
    if (entry === 'distribution' || entry === basename(binary)) continue;
    symlinkSync(join(installDir, entry), join(dir, entry));
  }
  copyFileSync(binary, join(dir, basename(binary)));
  mkdirSync(join(dir, 'distribution'));
  writeFileSync(join(dir, 'distribution', 'policies.json'), JSON.stringify({ policies }));
  return {
    executablePath: join(dir, basename(binary)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
