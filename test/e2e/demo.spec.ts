import { test, expect } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hasVirtualDisplay, startVirtualDisplay } from './support/xvfb';

// `npm run demo` is the first thing a newcomer runs: both of its faces are tested as a user runs
// them, as a separate process, against the extension this test run built.
const ROOT = resolve(import.meta.dirname, '../..');

// One after the other, in one worker: each checks that no demo browser is left running.
test.describe.configure({ mode: 'default' });

function runDemo(
  args: string[],
  env: Record<string, string> = {},
): ChildProcess & { output(): string } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/demo.ts', '--no-build', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null) done(child.exitCode);
    else child.once('exit', (code) => done(code));
  });
}

/** Chromium processes still running on a demo profile. */
function demoBrowsers(): string[] {
  try {
    return execFileSync('pgrep', ['-af', 'cobrowse-demo-'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('chrom'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

test('headless, the demo walks the main flow and saves its screenshots', async () => {
  test.setTimeout(90_000);
  const out = mkdtempSync(join(tmpdir(), 'cobrowse-demo-shots-'));
  const demo = runDemo(['--headless', '--out', out]);
  expect(await exited(demo), demo.output()).toBe(0);
  const output = demo.output();
  for (const step of [
    'zendesk: badge for Jane Doe (online now)',
    'freshdesk: badge for Maria Garcia (waiting for a call)',
    'zendesk-offline: badge for Tom Baker (offline, last seen 3h ago)',
    'popup: "Start co-browsing" opens the session tab',
    'options: the demo key and agent are set',
  ]) {
    expect(output).toContain(`✓ ${step}`);
  }
  // Steps read as one line each, without brackets inside brackets.
  for (const line of output.split('\n').filter((l) => l.includes('✓'))) {
    expect(line).not.toMatch(/\([^)]*\(/);
  }
  const shots = readdirSync(out).sort();
  expect(shots).toEqual(
    expect.arrayContaining([
      'options.png',
      'overview.png',
      'popup.png',
      'session.png',
      'ticket-zendesk.png',
      'ticket-zendesk-offline.png',
    ]),
  );
  for (const shot of shots) expect(statSync(join(out, shot)).size).toBeGreaterThan(5_000);
  expect(output).toContain(join(out, 'popup.png'));
  expect(demoBrowsers()).toEqual([]);
});

test('with a window, Ctrl+C closes the browser and the demo API and leaves nothing running', async () => {
  test.skip(!hasVirtualDisplay(), 'needs Xvfb (installed by .ci/run)');
  test.setTimeout(90_000);
  const display = await startVirtualDisplay();
  try {
    const demo = runDemo(['--headed'], { DISPLAY: display.display });
    await expect.poll(() => demo.output(), { timeout: 60_000 }).toContain('press Ctrl+C to stop');
    const api = /on (http:\/\/127\.0\.0\.1:\d+\/v1\.1)/.exec(demo.output())?.[1];
    expect(api).toBeDefined();
    const usage = await fetch(`${api}/usage.json`, { headers: { 'X-Api-Key': 'demo-key' } });
    expect(usage.status).toBe(200);
    expect(demoBrowsers().length).toBeGreaterThan(0);

    demo.kill('SIGINT');
    expect(await exited(demo)).toBe(0);
    expect(demo.output()).toContain('Ctrl+C: closing the browser and the demo API');
    expect(demoBrowsers()).toEqual([]);
    await expect(fetch(`${api}/usage.json`)).rejects.toThrow();
    const profiles = readdirSync(tmpdir()).filter(
      (name) => name.startsWith('cobrowse-demo-') && !name.includes('shots'),
    );
    for (const profile of profiles)
      expect(existsSync(join(tmpdir(), profile, 'Default'))).toBe(false);
  } finally {
    display.stop();
  }
});
