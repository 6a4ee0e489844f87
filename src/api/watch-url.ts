import { z } from 'zod';
import { UpscopeApiError } from './errors';
import { describeIssues, WatchUrlResponseSchema } from './schemas';

export interface WatchUrlAgent {
  /** Your id for the agent; Upscope shows it as the agent's external id. */
  id: string;
  name: string;
}

export interface WatchUrlBranding {
  /**
   * Hide the Upscope logo (for showing the session in an iframe); 'page_only' also removes the
   * toolbar and the url bar, leaving only the visitor's page.
   */
  naked?: boolean | 'page_only';
  /** Where the visitor's "Retry now" link goes; null shows no link. */
  retryUrl?: string | null;
  /**
   * Hide the connection bar at the bottom of the screen. Later documentation drops it in favour
   * of naked 'page_only'; it is still sent for servers that read it.
   */
  noBottomBar?: boolean;
  /** Where the agent is sent when the session ends. */
  onEndUrl?: string | null;
}

export interface WatchUrlPermissions {
  allowConsole?: boolean;
  allowClick?: boolean;
  allowDraw?: boolean;
  allowScroll?: boolean;
  allowAudio?: boolean;
  allowType?: boolean;
  allowAgentRedirect?: boolean;
}

export interface WatchUrlRequest {
  agent: WatchUrlAgent;
  branding?: WatchUrlBranding;
  permissions?: WatchUrlPermissions;
  /** A flat object stored with the session. */
  metadata?: Record<string, string | number | boolean>;
}

const MAX_METADATA_ENTRIES = 50;

function isWebUrl(value: string, allowHttp = false): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
}

const linkOrNull = z
  .string()
  .max(2048)
  .refine((value) => isWebUrl(value, true), 'expected an absolute http(s) URL')
  .nullable()
  .optional();

const WatchUrlRequestSchema = z.strictObject({
  agent: z.strictObject({
    id: z.string().trim().min(1).max(256),
    name: z.string().trim().min(1).max(256),
  }),
  branding: z
    .strictObject({
      naked: z.union([z.boolean(), z.literal('page_only')]).optional(),
      retryUrl: linkOrNull,
      noBottomBar: z.boolean().optional(),
      onEndUrl: linkOrNull,
    })
    .optional(),
  permissions: z
    .strictObject({
      allowConsole: z.boolean().optional(),
      allowClick: z.boolean().optional(),
      allowDraw: z.boolean().optional(),
      allowScroll: z.boolean().optional(),
      allowAudio: z.boolean().optional(),
      allowType: z.boolean().optional(),
      allowAgentRedirect: z.boolean().optional(),
    })
    .optional(),
  metadata: z
    .record(z.string().min(1).max(100), z.union([z.string().max(1000), z.number(), z.boolean()]))
    .refine(
      (value) => Object.keys(value).length <= MAX_METADATA_ENTRIES,
      `at most ${MAX_METADATA_ENTRIES} entries`,
    )
    .optional(),
});

const BRANDING_FIELDS = {
  naked: 'naked',
  retryUrl: 'retry_url',
  noBottomBar: 'no_bottom_bar',
  onEndUrl: 'on_end_url',
} as const satisfies Record<keyof WatchUrlBranding, string>;

const PERMISSION_FIELDS = {
  allowConsole: 'allow_console',
  allowClick: 'allow_click',
  allowDraw: 'allow_draw',
  allowScroll: 'allow_scroll',
  allowAudio: 'allow_audio',
  allowType: 'allow_type',
  allowAgentRedirect: 'allow_agent_redirect',
} as const satisfies Record<keyof WatchUrlPermissions, string>;

/** Renames the keys the caller set; keys left undefined are not sent at all. */
function renameSet<K extends string>(
  source: Partial<Record<K, unknown>> | undefined,
  names: Record<K, string>,
): Record<string, unknown> | undefined {
  if (!source) return undefined;
  const out: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(names) as [K, string][]) {
    if (source[from] !== undefined) out[to] = source[from];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Checks the caller's request and builds the documented snake_case body. Throws 'bad_request'
 * before anything is sent.
 */
export function buildWatchUrlBody(request: WatchUrlRequest): Record<string, unknown> {
  const parsed = WatchUrlRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new UpscopeApiError('bad_request', {
      message: `The screen-share request is not valid: ${describeIssues(parsed.error)}.`,
    });
  }
  const { agent, branding, permissions, metadata } = parsed.data;
  const body: Record<string, unknown> = { agent: { id: agent.id, name: agent.name } };
  const brandingBody = renameSet(branding, BRANDING_FIELDS);
  if (brandingBody) body.branding = brandingBody;
  const permissionsBody = renameSet(permissions, PERMISSION_FIELDS);
  if (permissionsBody) body.permissions = permissionsBody;
  if (metadata && Object.keys(metadata).length > 0) body.metadata = metadata;
  return body;
}

/**
 * The watch URL opens a session without further login, and the UI will navigate to it: only an
 * absolute https URL is accepted (http only when the API itself is plain http, for local tests).
 */
export function watchUrlResponseSchema(allowHttp: boolean) {
  return WatchUrlResponseSchema.extend({
    watch_url: z
      .string()
      .refine(
        (value) => isWebUrl(value, allowHttp),
        `expected an absolute ${allowHttp ? 'http(s)' : 'https'} URL`,
      ),
  });
}
