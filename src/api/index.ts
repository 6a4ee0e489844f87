export { createUpscopeClient, MAX_SEARCH_LENGTH, MAX_TIMEOUT_MS, warnUnreadable } from './client';
export type {
  GetVisitorOptions,
  RequestOptions,
  UpscopeClient,
  UpscopeClientOptions,
} from './client';
export { isValidShortId, SHORT_ID_PATTERN, ShortIdSchema } from './short-id';
export type { ShortId } from './short-id';
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
  MAX_UNREADABLE_PATHS,
  PageEventSchema,
  PageviewSchema,
  readVisitorList,
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
  UnreadableVisitors,
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
