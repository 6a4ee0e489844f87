import { z } from 'zod';

/*
 * One set of schemas serves both the Upscope v1.1 and the UserView shapes of the same objects.
 * The vendor adds fields and enum values over time, so: every field except a visitor's short_id
 * may be missing or null, unknown fields are kept, enum-like fields accept any string, and one
 * unreadable item inside a nested list is dropped instead of failing the whole visitor.
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

const text = z.string().nullish();
const flag = z.boolean().nullish();
const count = z.number().nullish();
/**
 * Datetimes are kept as the vendor's strings (they come with various offsets); an epoch number
 * (seconds or milliseconds) is read as an ISO string rather than losing the whole object.
 */
const datetime = z
  .union([
    z.string(),
    z
      .number()
      .transform((n) => (n < 1e12 ? n * 1000 : n))
      // Beyond ±8.64e15 ms a Date is invalid and toISOString would throw.
      .refine((ms) => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15)
      .transform((ms) => new Date(ms).toISOString()),
  ])
  .nullish();
const stringOrNumber = z.union([z.string(), z.number()]).nullish();
/** Documented as strings, but set by website code that may pass a number: read as a string. */
const stringish = z.union([z.string(), z.number().transform(String)]).nullish();

/**
 * An array that keeps the items `item` accepts and silently drops the others. The field itself
 * must still be an array (or missing/null).
 */
export function tolerantArray<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((values) =>
    values.flatMap((value): z.output<T>[] => {
      const result = item.safeParse(value);
      return result.success ? [result.data] : [];
    }),
  );
}

export const ScreenshotImageSchema = z.looseObject({
  url: text,
  height: count,
  width: count,
});

export const ScreenshotSchema = z.looseObject({
  small: ScreenshotImageSchema.nullish(),
  medium: ScreenshotImageSchema.nullish(),
  large: ScreenshotImageSchema.nullish(),
});

export const PageEventSchema = z.looseObject({
  icon: text,
  title: text,
  ts: datetime,
  uuid: text,
});

export const PageviewSchema = z.looseObject({
  events: tolerantArray(PageEventSchema).nullish(),
  pageview_id: text,
  screenshot: ScreenshotSchema.nullish(),
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
  agent_identifier: text,
  agent_nickname: text,
  email: text,
  external_id: text,
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
  features_used: tolerantArray(z.string()).nullish(),
  visitor_id: text,
  team: TeamSchema.nullish(),
  agents: tolerantArray(AgentSchema).nullish(),
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
  short_id: z.string().min(1),
  // Upscope v1.1
  api_key: text,
  browser_name: text,
  device_name: text,
  device_type: text,
  first_seen_at: datetime,
  identities: tolerantArray(z.string()).nullish(),
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
  tags: tolerantArray(z.string()).nullish(),
  unique_id: stringish,
  sessions: tolerantArray(SessionSchema).nullish(),
  _type: text,
  // UserView
  added_at: datetime,
  call_name: text,
  email: text,
  history: tolerantArray(PageviewSchema).nullish(),
  is_supported: flag,
  is_waiting_for_call: flag,
  name: text,
  nickname: text,
  watch_link: text,
});

export const UsageSchema = z.looseObject({
  visitors: z.looseObject({ online_now: count, last_24_hrs: count, last_30_days: count }).nullish(),
  agents: z.looseObject({ today: count, last_30_days: count }).nullish(),
  session_counts: z.looseObject({ now: count, today: count, last_30_days: count }).nullish(),
  session_seconds: z.looseObject({ today: count, last_30_days: count }).nullish(),
});

// Response envelopes. `status` is optional on success: its absence is not worth failing over,
// while `{status: "error"}` is recognised before these schemas run.

export const UsageResponseSchema = z.looseObject({ usage: UsageSchema });

export const VisitorListResponseSchema = z.looseObject({
  status: z.literal('ok').optional(),
  visitors: z.array(VisitorSchema),
});

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
