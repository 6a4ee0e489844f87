import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const DIST = resolve(import.meta.dirname, '../..', process.env.EXT_OUT_DIR ?? 'dist');
export const FIREFOX_DIST = resolve(
  import.meta.dirname,
  '../..',
  process.env.EXT_FIREFOX_OUT_DIR ?? 'dist-firefox',
);

/** Gzip budgets, checked by test/build/budgets.test.ts and printed by `npm run bench`. */
export const CONTENT_BUDGET = 6 * 1024;
export const POPUP_BUDGET = 30 * 1024;

export function readDist(path: string): string {
  const file = join(DIST, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  return readFileSync(file, 'utf8');
}

export function distManifest(): Record<string, unknown> & {
  content_scripts: { js: string[]; matches: string[] }[];
} {
  return JSON.parse(readDist('manifest.json'));
}

export function gzipBytes(text: string): number {
  return gzipSync(text, { level: 9 }).length;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;

/** Every JS file a module loads before it runs: itself and its static imports, transitively. */
export function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const match of readDist(path).matchAll(STATIC_IMPORT)) {
      const spec = match[1]!;
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const next = spec.startsWith('/') ? spec.slice(1) : join(dirname(path), spec);
      visit(next);
    }
  };
  visit(entry);
  return [...seen];
}

/** The module script an extension page (popup, options) loads. */
export function pageEntry(htmlPath: string): string {
  const html = readDist(htmlPath);
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`${htmlPath} loads no module script`);
  return src.startsWith('/') ? src.slice(1) : join(dirname(htmlPath), src);
}
