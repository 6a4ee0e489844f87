import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIREFOX_DIST, ROOT } from './support/paths';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

// Warnings addons-linter raises on third-party code that never runs the flagged path. Our own
// code cannot add more of either: eslint forbids HTML sinks and dynamic code in src/.
const EXPECTED_WARNINGS: Record<string, string> = {
  // preact's runtime supports dangerouslySetInnerHTML, which eslint forbids us to use.
  UNSAFE_VAR_ASSIGNMENT: 'preact innerHTML support',
  // zod probes `new Function`; src/shared/zod-config.ts turns that off (jitless).
  DANGEROUS_EVAL: 'zod JIT probe',
};

async function webExtLint(sourceDir: string): Promise<LintReport> {
  // web-ext is a pinned devDependency: nothing is downloaded at test time.
  const bin = join(ROOT, 'node_modules/.bin/web-ext');
  const args = ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'];
  const run = promisify(execFile)(bin, args, {
    cwd: ROOT,
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
  const { stdout } = await run.catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? '',
  }));
  return JSON.parse(stdout) as LintReport;
}

describe('web-ext lint of the Firefox build', () => {
  it('reports no errors and only the known third-party warnings', async () => {
    expect(existsSync(join(FIREFOX_DIST, 'manifest.json')), FIREFOX_DIST).toBe(true);
    const report = await webExtLint(FIREFOX_DIST);
    const show = (m: LintMessage) => `${m.code} ${m.file ?? ''}: ${m.message}`;
    expect(report.errors.map(show)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    const unexpected = report.warnings.filter((w) => !(w.code in EXPECTED_WARNINGS));
    expect(unexpected.map(show)).toEqual([]);
  });
});
