import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_INSTRUCTIONS,
  buildUnpacked,
  filesOf,
  releaseFor,
  releaseNodeVersion,
  ROOT,
  unpack,
} from '../../scripts/release';
import { readZip, writeZip } from '../../scripts/zip';

const release = releaseFor(ROOT);
const asMap = (entries: { name: string; data: Buffer }[]) =>
  new Map(entries.map((e) => [e.name, e.data]));

describe('npm run package', () => {
  const out = mkdtempSync(join(tmpdir(), 'cobrowse-artifacts-'));
  const rebuilt = mkdtempSync(join(tmpdir(), 'cobrowse-rebuild-'));
  const zip = (name: string) => readFileSync(join(out, name));

  beforeAll(() => {
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/package.ts', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }, 60_000);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(rebuilt, { recursive: true, force: true });
  });

  it('names every artifact by the one version package.json and manifest.json share', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(pkg.version);
    expect(release.chromeZip).toBe(`helpdesk-cobrowse-${pkg.version}-chrome.zip`);
    expect(release.firefoxZip).toBe(`helpdesk-cobrowse-${pkg.version}-firefox.zip`);
    expect(release.sourceZip).toBe(`helpdesk-cobrowse-${pkg.version}-source.zip`);
    for (const name of [release.chromeZip, release.firefoxZip]) {
      const built = JSON.parse(readZip(zip(name)).get('manifest.json')!.toString('utf8'));
      expect(built.version).toBe(pkg.version);
    }
  });

  it('ships store-ready zips: manifest at the root, Chrome and Firefox flavours', () => {
    const chrome = JSON.parse(readZip(zip(release.chromeZip)).get('manifest.json')!.toString());
    const firefox = JSON.parse(readZip(zip(release.firefoxZip)).get('manifest.json')!.toString());
    expect(chrome.background.service_worker).toBeTruthy();
    expect(chrome.minimum_chrome_version).toBeTruthy();
    expect(firefox.background.scripts).toHaveLength(1);
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
  });

  it('puts the build inputs and build instructions in the source archive, not the tests', () => {
    const names = [...readZip(zip(release.sourceZip)).keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        BUILD_INSTRUCTIONS,
        'package.json',
        'package-lock.json',
        'manifest.json',
        'vite.config.ts',
        'scripts/manifest.ts',
        'scripts/firefox-manifest.ts',
      ]),
    );
    expect(names.some((n) => n.startsWith('src/background/'))).toBe(true);
    // Identical bytes need the same Node.js: the archive pins it and the instructions say so.
    expect(names).toContain('.nvmrc');
    const steps = readZip(zip(release.sourceZip)).get(BUILD_INSTRUCTIONS)!.toString('utf8');
    expect(steps).toContain(`Node.js ${releaseNodeVersion()} (the version in .nvmrc`);
    expect(names.filter((n) => /^(test|\.ci|node_modules|dist)/.test(n))).toEqual([]);
  });

  it('rebuilds byte for byte from the source archive alone', () => {
    // As a reviewer would: unpack the source archive, build it as SOURCE-BUILD.md says.
    unpack(readZip(zip(release.sourceZip)), rebuilt);
    const { chrome, firefox } = buildUnpacked(rebuilt);
    for (const [dir, name] of [
      [chrome, release.chromeZip],
      [firefox, release.firefoxZip],
    ] as const) {
      const shipped = readZip(zip(name));
      const files = filesOf(dir);
      expect([...asMap(files).keys()].sort()).toEqual([...shipped.keys()].sort());
      for (const { name: file, data } of files) {
        expect(data.equals(shipped.get(file)!), `${name}: ${file}`).toBe(true);
      }
      // Same files, same zip: sorted entries, fixed time and mode make the archive identical.
      expect(writeZip(files).equals(zip(name)), name).toBe(true);
    }
  }, 60_000);
});
