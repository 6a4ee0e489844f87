export {
  FakeUpscope,
  DEMO_API_KEY,
  DEFAULT_WATCH_ORIGIN,
  SCREENSHOT_ORIGIN,
  searchVisitors,
  solidPng,
  escapeHtml,
} from './fake-upscope';
export type {
  FakeRequest,
  FakeResponse,
  Fault,
  RecordedRequest,
  KeyState,
  WatchSession,
  FakeUpscopeOptions,
} from './fake-upscope';
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
