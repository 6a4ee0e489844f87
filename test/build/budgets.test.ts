import { describe, expect, it } from 'vitest';
import {
  CONTENT_BUDGET,
  distManifest,
  gzipBytes,
  pageEntry,
  POPUP_BUDGET,
  readDist,
  staticGraph,
} from './dist';

// The script every helpdesk page loads (measured 6,138 bytes): all 18 adapters, the badge and the
// engine. The helpdesk table stays in the worker, which answers site/which.

describe('bundle budgets (built dist/)', () => {
  it('the content script is one self-contained file within 6 KiB gzip', () => {
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
