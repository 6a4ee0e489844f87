import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// axe's own source, put into a page once and run there as often as a test asks. AxeBuilder
// (@axe-core/playwright) injects it anew on every run and opens a blank page to finish each one:
// about 1 s of a 2-core machine per run, where the checks themselves take about 100 ms.
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/**
 * axe finds no violation on the page as it is shown now (all of axe's rules, or only `rules`).
 * Only violations are collected: no test reads the passes, and gathering them doubles the time.
 */
export async function expectAccessible(page: Page, rules?: string[]): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<unknown> } }).axe;
    const options = {
      resultTypes: ['violations'],
      ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
    };
    const results = (await axe.run(document, options)) as { violations: AxeViolation[] };
    return results.violations.map(({ id, nodes }) => ({
      id,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  }, rules);
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/**
 * axe in light and dark, and a full-page screenshot of each for review, at `path`-light.png and
 * -dark.png. The colour scheme changes colours only, so in dark the contrast rule is the one that
 * can find something new; every other rule has already run on the same DOM in light.
 */
export async function checkSchemes(page: Page, path: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, scheme === 'dark' ? ['color-contrast'] : undefined);
    await page.screenshot({ path: `${path}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
