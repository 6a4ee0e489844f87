import { z } from 'zod';
import { ShortIdSchema } from './short-id';
import {
  count,
  datetime,
  flag,
  objectList,
  stringish,
  stringList,
  stringOrNumber,
  text,
} from './tolerant';

/*
 * One set of schemas serves both the Upscope v1.1 and the UserView shapes of the same objects,
 * and reads what a real server sends, not only what the documents show:
 * - every field except a visitor's short_id may be missing or null, unknown fields are kept and
 *   enum-like fields accept any string (the vendor adds fields and values over time);
 * - a field of the wrong type is coerced where its meaning is clear (a numeric id as a string, a
 *   counter sent as a string as a number, "true"/"false" as booleans, one string where a list of
 *   strings is expected as a one-element list) and otherwise read as null;
 * - an unreadable item inside a nested list (a session, a pageview, an agent, an event) is
 *   dropped instead of failing the visitor;
 * - a visitor without a usable short_id (ShortIdSchema) is unreadable: a list drops and counts it
 *   (readVisitorList), a visitor response fails.
 */

/** Documented values of `visitor.device_type`; others may appear. */
export const DEVICE_TYPES = [
  'desktop',
  'console',
  'mobile',
  'tablet',
  'smarttv',
  'wearable',
  'embedded',
] as const;

/** Documented values of `session.video_status`; others may appear. */
export const VIDEO_STATUSES = [
  'pending',
  'recording',
  'not_available',
  'ready',
  'expired',
  'removed',
] as const;

/** Documented values of `session.source` (the vendor documents it as a string or a number). */
export const SESSION_SOURCES = [
  'api',
  'search',
  'lookup code',
  'personal link',
  'agent request',
  'integration',
] as const;

export type DeviceType = (typeof DEVICE_TYPES)[number];
export type VideoStatus = (typeof VIDEO_STATUSES)[number];
export type SessionSource = (typeof SESSION_SOURCES)[number];

export const ScreenshotImageSchema = z.looseObject({
  url: text,
  height: count,
  width: count,
});

export const ScreenshotSchema = z.looseObject({
  small: ScreenshotImageSchema.nullish().catch(null),
  medium: ScreenshotImageSchema.nullish().catch(null),
  large: ScreenshotImageSchema.nullish().catch(null),
});

export const PageEventSchema = z.looseObject({
  icon: text,
  title: text,
  ts: datetime,
  uuid: stringish,
});

export const PageviewSchema = z.looseObject({
  events: objectList(PageEventSchema),
  pageview_id: stringish,
  screenshot: ScreenshotSchema.nullish().catch(null),
  ts: datetime,
  url: text,
});

export const TeamSchema = z.looseObject({
  id: stringOrNumber,
  domain: text,
  _type: text,
});

export const AgentSchema = z.looseObject({
  id: stringOrNumber,
  name: text,
  agent_identifier: stringish,
  agent_nickname: text,
  email: text,
  external_id: stringish,
  on_premise: flag,
  _type: text,
});

export const SessionSchema = z.looseObject({
  id: stringOrNumber,
  length_seconds: count,
  formatted_length: text,
  call_length_seconds: count,
  formatted_call_length: text,
  started_at: datetime,
  ended_at: datetime,
  went_live: flag,
  features_used: stringList,
  visitor_id: stringish,
  team: TeamSchema.nullish().catch(null),
  agents: objectList(AgentSchema),
  call_name: text,
  on_premise: flag,
  public_video_url: text,
  secret_video_url: text,
  session_authorized: flag,
  source: stringOrNumber,
  start_url: text,
  video_status: text,
  _type: text,
});

export const VisitorSchema = z.looseObject({
  short_id: ShortIdSchema,
  // Upscope v1.1
  api_key: text,
  browser_name: text,
  device_name: text,
  device_type: text,
  first_seen_at: datetime,
  identities: stringList,
  integration: text,
  ip_address: text,
  is_in_session: flag,
  is_online: flag,
  js_configuration: flag,
  last_seen_at: datetime,
  last_url: text,
  location_city: text,
  location_country: text,
  location_country_name: text,
  lookup_code: stringish,
  tags: stringList,
  unique_id: stringish,
  sessions: objectList(SessionSchema),
  _type: text,
  // UserView
  added_at: datetime,
  call_name: text,
  email: text,
  history: objectList(PageviewSchema),
  is_supported: flag,
  is_waiting_for_call: flag,
  name: text,
  nickname: text,
  watch_link: text,
});

const usageGroup = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.looseObject(shape).nullish().catch(null);

export const UsageSchema = z.looseObject({
  visitors: usageGroup({ online_now: count, last_24_hrs: count, last_30_days: count }),
  agents: usageGroup({ today: count, last_30_days: count }),
  session_counts: usageGroup({ now: count, today: count, last_30_days: count }),
  session_seconds: usageGroup({ today: count, last_30_days: count }),
});

/** Visitors a list left out because they could not be read: how many, and where (never what). */
export interface UnreadableVisitors {
  count: number;
  /** Paths of the fields that failed, e.g. `visitors[3].short_id`; at most MAX_UNREADABLE_PATHS. */
  paths: string[];
}

export const MAX_UNREADABLE_PATHS = 10;

/** Reads every visitor it can; the others are left out and counted. */
export function readVisitorList(values: readonly unknown[]): {
  visitors: Visitor[];
  unreadable: UnreadableVisitors;
} {
  const visitors: Visitor[] = [];
  const unreadable: UnreadableVisitors = { count: 0, paths: [] };
  values.forEach((value, index) => {
    const result = VisitorSchema.safeParse(value);
    if (result.success) {
      visitors.push(result.data);
      return;
    }
    unreadable.count += 1;
    for (const issue of result.error.issues) {
      const path = formatPath(['visitors', index, ...issue.path]);
      if (unreadable.paths.length < MAX_UNREADABLE_PATHS && !unreadable.paths.includes(path)) {
        unreadable.paths.push(path);
      }
    }
  });
  return { visitors, unreadable };
}

// Response envelopes. `status` is optional on success: its absence is not worth failing over,
// while `{status: "error"}` is recognised before these schemas run.

export const UsageResponseSchema = z.looseObject({ usage: UsageSchema });

/** A list: `visitors` must be an array; the visitors in it that cannot be read are left out. */
export const VisitorListResponseSchema = z
  .looseObject({
    status: z.literal('ok').optional(),
    visitors: z.array(z.unknown()),
  })
  .transform(({ visitors, ...rest }) => ({ ...rest, ...readVisitorList(visitors) }));

export const VisitorResponseSchema = z.looseObject({
  status: z.literal('ok').optional(),
  visitor: VisitorSchema,
});

export const WatchUrlResponseSchema = z.looseObject({
  watch_url: z.string().min(1),
});

export const ErrorBodySchema = z.looseObject({
  status: z.literal('error'),
  error: z.string().nullish(),
});

export type ScreenshotImage = z.infer<typeof ScreenshotImageSchema>;
export type Screenshot = z.infer<typeof ScreenshotSchema>;
export type PageEvent = z.infer<typeof PageEventSchema>;
export type Pageview = z.infer<typeof PageviewSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type Agent = z.infer<typeof AgentSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Visitor = z.infer<typeof VisitorSchema>;
export type Usage = z.infer<typeof UsageSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * Summarises why a payload failed a schema: paths and expectations only, never the values, so
 * the text is safe to show and store.
 */
export function describeIssues(error: z.ZodError, maxIssues = 3): string {
  const parts = error.issues.slice(0, maxIssues).map((issue) => {
    const path = formatPath(issue.path);
    const what = issue.message.replace(/^Invalid input: /, '');
    return path ? `${path}: ${what}` : what;
  });
  const more = error.issues.length - maxIssues;
  if (more > 0) parts.push(`and ${more} more`);
  return parts.join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
