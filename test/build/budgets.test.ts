import { describe, expect, it } from 'vitest';
import { distManifest, gzipBytes, pageEntry, readDist, staticGraph } from './dist';

const KiB = 1024;
/**
 * 6 KiB, plus what reading the real apps costs (measured, 6,559 bytes): Zoho Desk through its own
 * API, Salesforce's selected console tab, Gorgias's view URLs and email channel, HubSpot's data
 * centres and second CSRF cookie, Front's conversation URLs (docs/helpdesks.md).
 */
const CONTENT_BUDGET = 6 * KiB + 416;
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
