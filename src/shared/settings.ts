import { z } from 'zod';
import {
  DEFAULT_API_BASE_URL,
  endpointFault,
  MAX_ENDPOINT_LENGTH,
  normalEndpoint,
} from './endpoint';
import { HELPDESK_IDS } from './helpdesks';

export const SETTINGS_VERSION = 1;

/** An API endpoint the key may be sent to: https (http only on this machine, for on-premise tests). */
export const ApiBaseUrlSchema = z
  .string()
  .trim()
  .max(MAX_ENDPOINT_LENGTH)
  .refine(
    (value) => endpointFault(value) === null,
    'The API endpoint must be an https:// address without a query or credentials.',
  )
  .transform(normalEndpoint);

const HttpsUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Must be an https:// address.');

/** Origins of self-hosted or host-mapped helpdesks the agent added (e.g. https://support.acme.com). */
export const CustomDomainSchema = z.strictObject({
  origin: z
    .string()
    .max(200)
    .regex(
      /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/,
      'An origin looks like https://support.example.com',
    ),
  helpdesk: z.enum(HELPDESK_IDS),
});

export const OPEN_IN = ['tab', 'window', 'current'] as const;
/** What the toolbar button opens (Chrome; Firefox has its own sidebar button). */
export const TOOLBAR_OPENS = ['popup', 'panel'] as const;

/**
 * What the agent may do in a session: 'full' sends no permissions (the website's own settings
 * apply), 'guide' lets the agent draw and scroll only, 'view' lets the agent only watch. See
 * src/background/session-request.ts for the exact fields each one sends.
 */
export const PERMISSION_PRESETS = ['full', 'guide', 'view'] as const;
export type PermissionsPreset = (typeof PERMISSION_PRESETS)[number];

export const SettingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  apiBaseUrl: ApiBaseUrlSchema,
  agentId: z.string().trim().max(256),
  agentName: z.string().trim().max(256),
  branding: z.strictObject({
    /** true hides Upscope's logo; 'page_only' also removes the toolbar and the url bar. */
    naked: z.union([z.boolean(), z.literal('page_only')]),
    noBottomBar: z.boolean(),
    retryUrl: HttpsUrlSchema.nullable(),
  }),
  /** Where a co-browsing session opens: a new tab beside the ticket, a new window, or this tab. */
  openIn: z.enum(OPEN_IN),
  disabledHelpdesks: z.array(z.enum(HELPDESK_IDS)).max(HELPDESK_IDS.length),
  customDomains: z.array(CustomDomainSchema).max(50),
  /** How long a visitor's presence is trusted before it is looked up again. */
  freshnessSeconds: z.number().int().min(30).max(3600),
  permissionsPreset: z.enum(PERMISSION_PRESETS),
  /** Console access, granted on top of any preset; off unless the team turns it on. */
  allowConsole: z.boolean(),
  /** When a session started from a ticket ends, Upscope sends the agent back to the ticket. */
  returnToTicket: z.boolean(),
  toolbarOpens: z.enum(TOOLBAR_OPENS),
  /** A system notification when a customer the agent asked about comes back to the website. */
  notifyWhenBack: z.boolean(),
  /**
   * A system notification when the customer of any open ticket tab starts waiting for a call.
   * Off unless the agent turns it on: it also keeps background ticket tabs' presence fresh.
   */
  notifyWaiting: z.boolean(),
  /**
   * What "Copy an invite" copies for a customer who is not on the website; empty means the
   * default text in the agent's language (so a default never sticks in one language).
   */
  inviteText: z.string().trim().max(1000),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type OpenIn = Settings['openIn'];
export type ToolbarOpens = Settings['toolbarOpens'];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  apiBaseUrl: DEFAULT_API_BASE_URL,
  agentId: '',
  agentName: '',
  branding: { naked: false, noBottomBar: false, retryUrl: null },
  openIn: 'tab',
  disabledHelpdesks: [],
  customDomains: [],
  freshnessSeconds: 60,
  permissionsPreset: 'full',
  allowConsole: false,
  returnToTicket: false,
  toolbarOpens: 'popup',
  notifyWhenBack: true,
  notifyWaiting: false,
  inviteText: '',
};

/** The parts of the settings an extension page may change in one save. */
export const SettingsPatchSchema = SettingsSchema.omit({ version: true }).partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/**
 * Reads stored settings, keeping every valid field and falling back to the default for each
 * field that is missing or no longer valid, so one bad value never loses the rest.
 */
export function readSettings(stored: unknown): Settings {
  const result = SettingsSchema.safeParse(stored);
  if (result.success) return result.data;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      if (!(key in DEFAULT_SETTINGS) || key === 'version') continue;
      const field = SettingsSchema.shape[key as keyof Settings];
      const parsed = field.safeParse(value);
      if (parsed.success) merged[key] = parsed.data;
    }
  }
  return SettingsSchema.parse(merged);
}

/** Whether co-browsing cannot start yet: a session must say which agent is watching. */
export function agentMissing(settings: Pick<Settings, 'agentName' | 'agentId'>): boolean {
  return !settings.agentName || !settings.agentId;
}
