import { describe, expect, it } from 'vitest';
import { distManifest, gzipBytes, pageEntry, readDist, staticGraph } from './dist';

const KiB = 1024;
/**
 * 6 KiB for the script every helpdesk page loads (measured 6,081 bytes): all 18 adapters, the
 * badge and the engine. The helpdesk table stays in the worker, which answers site/which.
 */
const CONTENT_BUDGET = 6 * KiB;
const POPUP_BUDGET = 30 * KiB;

describe('bundle budgets (built dist/)', () => {
  it('the content script is one self-contained file within 6.41 KiB gzip', () => {
    const scripts = distManifest().content_scripts.flatMap((c) => c.js);
    expect(scripts).toHaveLength(1);
    const code = readDist(scripts[0]!);
    // A content script that imports chunks needs a loader and web_accessible_resources.
    expect(staticGraph(scripts[0]!)).toEqual([scripts[0]]);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(gzipBytes(code)).toBeLessThanOrEqual(CONTENT_BUDGET);
  });

  // The side panel is the popup's components kept open: the same budget.
  it.each(['src/popup/index.html', 'src/sidepanel/index.html'])(
    '%s loads at most 30 KiB gzip of JavaScript',
    (page) => {
      const files = staticGraph(pageEntry(page));
      const total = files.reduce((sum, f) => sum + gzipBytes(readDist(f)), 0);
      expect(total).toBeLessThanOrEqual(POPUP_BUDGET);
    },
  );
});
