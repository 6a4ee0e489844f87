#!/usr/bin/env node
// `npm test`: every test, in the order that fails fastest, with the time each phase took.
// Prerequisites are checked first (scripts/preflight.mjs), so a missing install stops the run
// within a second, with the command that fixes it. Phases that share no files run side by side
// where they leave a core idle (type check and lint; the unit tests and the Firefox check, which
// mostly waits on Firefox); the Chromium end-to-end tests run alone, as they use both cores.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Each step is one or more npm scripts; the scripts of one step run at the same time. The Firefox
 * check spends most of its time waiting for Firefox to start and answer, so it runs beside the
 * unit tests rather than after them.
 */
const STEPS = [
  ['typecheck', 'lint'],
  ['build', 'build:firefox'],
  ['test:unit', 'test:firefox'],
  ['test:e2e'],
];

function run(script, { buffered }) {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: ROOT,
      // The build step has just built both browsers' extensions from this tree: the browser
      // phases test those, instead of building them again (each does when run on its own).
      env: { ...process.env, EXT_JUST_BUILT: '1' },
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      // Side-by-side scripts print whole, one after the other, never interleaved.
      if (buffered) console.log(Buffer.concat(output).toString().trimEnd());
      done({
        script,
        ok: code === 0,
        code: code ?? signal,
        seconds: (performance.now() - started) / 1000,
      });
    });
  });
}

const preflight = await run('preflight', { buffered: false });
if (!preflight.ok) process.exit(1);

const results = [];
let failed = null;
const total = performance.now();
for (const step of STEPS) {
  const buffered = step.length > 1;
  if (buffered) console.log(`\n> ${step.join(' + ')} (side by side)`);
  else console.log(`\n> ${step[0]}`);
  const done = await Promise.all(step.map((script) => run(script, { buffered })));
  results.push(...done);
  failed = done.find((r) => !r.ok) ?? null;
  if (failed) break;
}

const width = Math.max(...results.map((r) => r.script.length));
console.log('\nPhase times:');
for (const r of results) {
  console.log(
    `  ${r.script.padEnd(width)}  ${r.seconds.toFixed(1).padStart(6)} s  ${r.ok ? 'ok' : `failed (${r.code})`}`,
  );
}
console.log(
  `  ${'total'.padEnd(width)}  ${((performance.now() - total) / 1000).toFixed(1).padStart(6)} s`,
);
if (failed) {
  console.error(`\nnpm test stopped: "npm run ${failed.script}" failed.`);
  process.exit(1);
}
