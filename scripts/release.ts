import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ZipEntry } from './zip.ts';

// What `npm run package` ships and how it is rebuilt. The add-on zips are always built from the
// source archive's own files, unpacked to a scratch directory, so the source handed to Mozilla is
// by construction what the zips came from.

export const ROOT = resolve(import.meta.dirname, '..');

/** Git-tracked paths the build reads; tests, CI and tooling configs are left out. */
export const SOURCE_PATHS = [
  'src',
  'public',
  'manifest.json',
  'package.json',
  'package-lock.json',
  '.nvmrc',
  'tsconfig.json',
  'vite.config.ts',
  'scripts/manifest.ts',
  'scripts/firefox-manifest.ts',
  'README.md',
];

export const BUILD_INSTRUCTIONS = 'SOURCE-BUILD.md';

export interface Release {
  name: string;
  version: string;
  chromeZip: string;
  firefoxZip: string;
  sourceZip: string;
}

/** Names the artifacts by the version package.json and manifest.json agree on. */
export function releaseFor(root: string): Release {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  if (pkg.version !== manifest.version) {
    throw new Error(
      `package.json says ${pkg.version} but manifest.json says ${manifest.version}: keep them in step.`,
    );
  }
  const base = `${pkg.name}-${pkg.version}`;
  return {
    name: pkg.name,
    version: pkg.version,
    chromeZip: `${base}-chrome.zip`,
    firefoxZip: `${base}-firefox.zip`,
    sourceZip: `${base}-source.zip`,
  };
}

function git(args: string[], input?: Buffer): Buffer {
  return execFileSync('git', args, { cwd: ROOT, input, maxBuffer: 256 * 1024 * 1024 });
}

/** The build's input files as committed at HEAD (what a reviewer can check out). */
export function committedSources(): ZipEntry[] {
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', 'HEAD', '--', ...SOURCE_PATHS])
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [mode, type, sha] = meta.split(' ') as [string, string, string];
      if (type !== 'blob' || mode === '120000') throw new Error(`${path}: not a regular file`);
      return { path, sha };
    });
  // One `git cat-file --batch` for all blobs: "<sha> blob <size>\n<bytes>\n" each.
  const out = git(
    ['cat-file', '--batch'],
    Buffer.from(listing.map((f) => f.sha).join('\n') + '\n'),
  );
  let at = 0;
  return listing.map(({ path }) => {
    const eol = out.indexOf(0x0a, at);
    const size = Number(out.subarray(at, eol).toString().split(' ')[2]);
    const data = Buffer.from(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
    return { name: path, data };
  });
}

/** Build-input paths whose working copy differs from HEAD (they are not packaged). */
export function uncommittedChanges(): string[] {
  return git(['status', '--porcelain', '--untracked-files=all', '--', ...SOURCE_PATHS])
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
}

/** The Node.js version releases are built with (.nvmrc): zip bytes follow its zlib and Vite's output. */
export function releaseNodeVersion(root = ROOT): string {
  return readFileSync(join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
}

export function buildInstructions(release: Release): ZipEntry {
  const node = process.versions.node;
  const pinned = releaseNodeVersion();
  const text = `# Building ${release.name} ${release.version} from source

This archive holds every file the build reads. The add-on packages were built from exactly these
files, with the commands below, and the result is byte-identical when built with the same
Node.js version.

Requirements: Node.js ${pinned} (the version in .nvmrc; these packages were built with Node.js
${node}) and the npm that comes with it, on Linux, macOS or Windows. Another Node.js version
builds a working add-on whose files can differ in bytes. Nothing else is downloaded but the npm
packages pinned in package-lock.json.

    npm ci
    npm run build:firefox   # dist-firefox/ = the contents of ${release.firefoxZip}
    npm run build           # dist/         = the contents of ${release.chromeZip}

Build from a plain shell: NODE_ENV unset (or production). Vite emits different code under
NODE_ENV=test or development. The directory the source is unpacked to does not matter.

The bundler is Vite with @crxjs/vite-plugin (vite.config.ts). The manifest is manifest.json with
the content script's hosts filled in from the helpdesk table, src/shared/helpdesks.ts
(scripts/manifest.ts); the Firefox one is derived from it by scripts/firefox-manifest.ts. The code is TypeScript and Preact in src/;
static files (icons, _locales) are copied from public/. Nothing is minified beyond Vite's
default production build, and no code is fetched or generated at run time.
`;
  return { name: BUILD_INSTRUCTIONS, data: Buffer.from(text, 'utf8') };
}

export function unpack(entries: Iterable<[string, Buffer]> | ZipEntry[], dir: string): void {
  for (const entry of entries) {
    const [name, data] = Array.isArray(entry) ? entry : [entry.name, entry.data];
    const file = resolve(dir, name);
    if (!file.startsWith(dir + sep)) throw new Error(`${name} escapes ${dir}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
}

/**
 * Builds an unpacked source tree as its SOURCE-BUILD.md says, reusing this checkout's installed
 * node_modules (same lockfile) instead of a slower `npm ci`.
 */
export function buildUnpacked(dir: string): { chrome: string; firefox: string } {
  if (!existsSync(join(dir, 'node_modules'))) {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  const vite = join(ROOT, 'node_modules/.bin/vite');
  // As from a plain shell: the source's own default output directories, and no NODE_ENV=test or
  // VITEST_* from a test runner, which would change what Vite emits.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(EXT_OUT_DIR|NODE_ENV|VITEST.*|TEST)$/.test(k)),
  );
  for (const mode of ['production', 'firefox']) {
    execFileSync(vite, ['build', '--mode', mode, '--logLevel', 'error'], {
      cwd: dir,
      env,
      stdio: 'inherit',
    });
  }
  return { chrome: join(dir, 'dist'), firefox: join(dir, 'dist-firefox') };
}

/** Every file under dir, with forward-slash names relative to it. */
export function filesOf(dir: string): ZipEntry[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const path = join(d.parentPath, d.name);
      return { name: relative(dir, path).split(sep).join('/'), data: readFileSync(path) };
    });
}
