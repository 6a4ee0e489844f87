export { FakeUpscope, DEMO_API_KEY, DEFAULT_WATCH_ORIGIN } from './server';
export { SCREENSHOT_ORIGIN, solidPng } from './screenshots';
export { searchVisitors } from './search';
export { escapeHtml } from './watch-page';
export type { FakeRequest, FakeResponse, RecordedRequest } from './http';
export type { Fault } from './faults';
export type { KeyState, FakeUpscopeOptions } from './server';
export type { WatchSession } from './watch-page';
export { startFakeUpscopeServer } from './node-server';
export type { FakeUpscopeServer } from './node-server';
export { routeFakeUpscope, DEFAULT_API_ORIGIN } from './playwright-route';
export {
  seedVisitors,
  SEED_IDS,
  HOSTILE_PAYLOAD,
  SEED_PUBLIC_API_KEY,
  SCREEN_BASE_URL,
} from './seed';
export type { FakeVisitorRecord, FakeJson } from './seed';
export { oddVisitors, ODD_IDS, ODD_READABLE_IDS, ODD_UNREADABLE_IDS } from './odd';
export type { CounterType } from './usage';
