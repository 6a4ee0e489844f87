/**
 * `npm run screens`: PNGs of every state of the popup, the options page and the badge, in
 * English and German, light and dark, for a review of how the product looks and reads. The
 * built extension runs in Debian's Chromium against the fake Upscope server, as in the
 * end-to-end tests; nothing is checked here beyond reaching each state (tests do the checking).
 *
 *   --no-build      use the extension already built in dist/ (or $EXT_OUT_DIR)
 *   --out <dir>     where the PNGs go (default artifacts/screens): <dir>/<lang>/<state>-<scheme>.png
 *   --lang <en|de>  one language only
 *
 * Exits 1 when a state never showed what it should (its picture is still written).
 */
import { execSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { FakeUpscope, routeFakeUpscope } from '../test/fake-upscope';
import { launchWithExtension } from '../test/e2e/support/browser';
import { serveDemoHelpdesks } from './demo/tickets';
import { addScreenVisitors, shootAll, type Run } from './screens/states';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = resolve(option('--out') ?? resolve(ROOT, 'artifacts/screens'));
const LANGUAGES = ['en', 'de'].filter((lang) => !option('--lang') || option('--lang') === lang);

const log = (line = '') => console.log(line);

async function shootLanguage(lang: string): Promise<Run> {
  // English is the browser's own language; German is asked for as test/e2e/support/browser.ts does.
  const browser = await launchWithExtension(lang === 'en' ? {} : { lang });
  const fake = new FakeUpscope();
  addScreenVisitors(fake);
  const run: Run = {
    ...browser,
    fake,
    outDir: resolve(outDir, lang),
    shots: [],
    missed: [],
  };
  try {
    await routeFakeUpscope(browser.context, fake);
    await serveDemoHelpdesks(browser.context);
    rmSync(run.outDir, { recursive: true, force: true });
    await shootAll(run, log);
  } finally {
    await browser.close();
  }
  return run;
}

/** One page to look through every picture: a row per state, a column per language and scheme. */
function writeIndex(runs: Record<string, Run>): string {
  const names = [...new Set(Object.values(runs).flatMap((r) => r.shots))]
    .map((file) => file.replace(/-(light|dark)\.png$/, ''))
    .filter((name, i, all) => all.indexOf(name) === i);
  const cells = (name: string) =>
    Object.keys(runs)
      .flatMap((lang) =>
        ['light', 'dark'].map(
          (scheme) =>
            `<td><a href="${lang}/${name}-${scheme}.png"><img loading="lazy" src="${lang}/${name}-${scheme}.png" alt="${name}, ${lang}, ${scheme}"></a></td>`,
        ),
      )
      .join('');
  const head = Object.keys(runs)
    .flatMap((lang) => [`<th>${lang} light</th>`, `<th>${lang} dark</th>`])
    .join('');
  const html = `<!doctype html><meta charset="utf-8"><title>Helpdesk Co-browse screens</title>
<style>body{font:14px system-ui;margin:16px}td{vertical-align:top;padding:4px}img{width:220px;border:1px solid #ccc}th{text-align:left}</style>
<table><tr><th>state</th>${head}</tr>
${names.map((name) => `<tr><th>${name}</th>${cells(name)}</tr>`).join('\n')}
</table>\n`;
  const file = resolve(outDir, 'index.html');
  writeFileSync(file, html);
  return file;
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!args.includes('--no-build')) {
    log('Building the extension…');
    execSync('npx vite build --logLevel error', { stdio: 'inherit', cwd: ROOT });
  }
  const runs: Record<string, Run> = {};
  for (const lang of LANGUAGES) {
    log(`\n${lang}:`);
    runs[lang] = await shootLanguage(lang);
  }
  const index = writeIndex(runs);
  const count = Object.values(runs).reduce((n, r) => n + r.shots.length, 0);
  const missed = Object.entries(runs).flatMap(([lang, r]) => r.missed.map((m) => `${lang}/${m}`));
  log(
    `\n${count} PNGs in ${relative(process.cwd(), outDir) || '.'} (${relative(process.cwd(), index)}) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (missed.length) {
    console.error(`Never showed what they should (pictured anyway): ${missed.join(', ')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error('\nThe screens failed:', error);
  process.exit(1);
});
