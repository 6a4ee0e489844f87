// npm run package [-- --out <dir>]: store-ready zips for the Chrome Web Store and Firefox Add-ons
// plus the source archive addons.mozilla.org asks for, named by version, into artifacts/.
// The packaged source is the committed tree (HEAD); uncommitted changes are reported, not shipped.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildInstructions,
  buildUnpacked,
  committedSources,
  filesOf,
  releaseFor,
  releaseNodeVersion,
  ROOT,
  uncommittedChanges,
  unpack,
} from './release.ts';
import { writeZip } from './zip.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'artifacts' } } });
const out = resolve(ROOT, values.out!);

if (process.versions.node !== releaseNodeVersion()) {
  console.warn(
    `Releases are built with Node.js ${releaseNodeVersion()} (.nvmrc); this is ${process.versions.node}. The packages will work, but their bytes can differ from a release build.`,
  );
}
const sources = committedSources();
// Named by the committed package.json / manifest.json, which must agree.
const scratch = mkdtempSync(join(tmpdir(), 'cobrowse-package-'));
try {
  unpack(sources, scratch);
  const release = releaseFor(scratch);
  const sourceEntries = [...sources, buildInstructions(release)];
  const changed = uncommittedChanges();
  if (changed.length > 0) {
    console.warn(
      `Packaging HEAD: ${changed.length} uncommitted change(s) to build inputs are NOT included:\n  ${changed.join('\n  ')}`,
    );
  }

  const { chrome, firefox } = buildUnpacked(scratch);
  const zips: [string, Buffer][] = [
    [release.chromeZip, writeZip(filesOf(chrome))],
    [release.firefoxZip, writeZip(filesOf(firefox))],
    [release.sourceZip, writeZip(sourceEntries)],
  ];
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of zips) {
    writeFileSync(join(out, name), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    console.log(
      `${relative(process.cwd(), join(out, name)).padEnd(50)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB  sha256 ${sha}`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
