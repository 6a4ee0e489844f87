// `npm run mutate`: StrykerJS changes the code under test one small piece at a time (a condition
// flipped, a call removed, a constant changed) and runs the unit and integration tests against each
// change. A change no test notices marks behaviour nothing guards. Too slow for CI (tens of
// minutes on 2 cores); run it before trusting a folder's tests.
//
//   npm run mutate                         the three folders below
//   npm run mutate -- --mutate 'src/api/**/*.ts'   one folder
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutate/vitest.config.ts' },
  mutate: ['src/background/**/*.ts', 'src/api/**/*.ts', 'src/content/**/*.ts'],
  ignorePatterns: ['dist*', 'artifacts', 'test/output'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'artifacts/mutation/index.html' },
  jsonReporter: { fileName: 'artifacts/mutation/mutation.json' },
  tempDirName: 'test/output/stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};
