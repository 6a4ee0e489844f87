export { createUpscopeClient, MAX_SEARCH_LENGTH, MAX_TIMEOUT_MS } from './client';
export type {
  GetVisitorOptions,
  RequestOptions,
  UpscopeClient,
  UpscopeClientOptions,
} from './client';
export { isValidShortId, SHORT_ID_PATTERN } from './endpoints';
export {
  isAuthErrorKind,
  isUpscopeApiError,
  parseRetryAfter,
  UPSCOPE_ERROR_KINDS,
  UpscopeApiError,
} from './errors';
export type { UpscopeErrorKind } from './errors';
export {
  AgentSchema,
  DEVICE_TYPES,
  ErrorBodySchema,
  PageEventSchema,
  PageviewSchema,
  ScreenshotImageSchema,
  ScreenshotSchema,
  SESSION_SOURCES,
  SessionSchema,
  TeamSchema,
  UsageResponseSchema,
  UsageSchema,
  VIDEO_STATUSES,
  VisitorListResponseSchema,
  VisitorResponseSchema,
  VisitorSchema,
  WatchUrlResponseSchema,
} from './schemas';
export type {
  Agent,
  DeviceType,
  ErrorBody,
  PageEvent,
  Pageview,
  Screenshot,
  ScreenshotImage,
  Session,
  SessionSource,
  Team,
  Usage,
  VideoStatus,
  Visitor,
} from './schemas';
export type {
  WatchUrlAgent,
  WatchUrlBranding,
  WatchUrlPermissions,
  WatchUrlRequest,
} from './watch-url';
