import browser from 'webextension-polyfill';
import { z } from 'zod';
import { DEFAULT_API_BASE_URL } from '../shared/endpoint';
import { HELPDESK_IDS } from '../shared/helpdesks';
import {
  ApiBaseUrlSchema,
  CustomDomainSchema,
  PERMISSION_PRESETS,
  SettingsSchema,
  TOOLBAR_OPENS,
  type Settings,
} from '../shared/settings';
import type { HelpdeskAgent, Managed, ManagedField } from '../shared/protocol';
import { agentFields } from './helpdesk-agent';

// Settings an organisation pushes by browser policy: Chrome reads them from its policy
// (3rdparty → extensions → this extension's id) against public/managed-schema.json; Firefox from
// policies.json (3rdparty → Extensions → the add-on id). Both land in storage.managed, read only
// here, by the worker. A managed value wins over the agent's own and cannot be changed by them.

const SCREENS = { standard: false, naked: true, page_only: 'page_only' } as const;

/** Each policy key and how it reads; the names are the ones in public/managed-schema.json. */
const POLICY_KEYS = {
  ApiEndpoint: ApiBaseUrlSchema,
  ApiKey: z.string().trim().min(1).max(200),
  AgentIdentitySource: z.enum(['typed', 'helpdesk']),
  DisabledHelpdesks: z.array(z.enum(HELPDESK_IDS)).max(HELPDESK_IDS.length),
  CustomDomains: z
    .array(z.strictObject({ Origin: z.string(), Helpdesk: z.string() }))
    .max(50)
    .transform((list) => list.map((d) => ({ origin: d.Origin, helpdesk: d.Helpdesk })))
    .pipe(z.array(CustomDomainSchema)),
  SessionPermissions: z.enum(PERMISSION_PRESETS),
  AllowConsole: z.boolean(),
  SessionScreen: z.strictObject({
    Screen: z.enum(Object.keys(SCREENS) as (keyof typeof SCREENS)[]).optional(),
    HideBottomBar: z.boolean().optional(),
    RetryUrl: SettingsSchema.shape.branding.shape.retryUrl.unwrap().optional(),
  }),
  ReturnToTicket: z.boolean(),
  FreshnessSeconds: SettingsSchema.shape.freshnessSeconds,
  NotifyWhenBack: z.boolean(),
  NotifyWaiting: z.boolean(),
  ToolbarOpens: z.enum(TOOLBAR_OPENS),
} as const;

type PolicyKey = keyof typeof POLICY_KEYS;
export type ManagedPolicy = { [K in PolicyKey]?: z.output<(typeof POLICY_KEYS)[K]> };

/**
 * Reads a policy key by key: a value that does not read is dropped on its own (the others still
 * apply) and named in the log without its value, which may be a key.
 */
export function readPolicy(
  raw: unknown,
  warn: (line: string) => void = (line) => console.warn(line),
): ManagedPolicy {
  const policy: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return policy;
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(POLICY_KEYS, key)) {
      warn(`Managed policy: unknown key ${JSON.stringify(key.slice(0, 60))} ignored`);
      continue;
    }
    const parsed = POLICY_KEYS[key as PolicyKey].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else {
      const codes = [...new Set(parsed.error.issues.map((issue) => issue.code))].join(', ');
      warn(`Managed policy: ${key} ignored, its value does not read (${codes})`);
    }
  }
  return policy as ManagedPolicy;
}

/**
 * The settings fields a policy decides, with the values it gives them. `agent` is the helpdesk's
 * signed-in agent, whose name and ID a policy with AgentIdentitySource "helpdesk" makes the
 * agent's own (empty until a helpdesk has reported one: never what the agent typed).
 */
export function policySettings(
  policy: ManagedPolicy,
  agent: HelpdeskAgent | null = null,
): Partial<Omit<Settings, 'version'>> {
  const out: Partial<Omit<Settings, 'version'>> = {};
  if (policy.AgentIdentitySource === 'helpdesk') Object.assign(out, agentFields(agent));
  // A key pushed by policy is sent only to the endpoint the policy names, or to Upscope's own:
  // an agent who could move the endpoint could send the organisation's key anywhere.
  if (policy.ApiEndpoint !== undefined) out.apiBaseUrl = policy.ApiEndpoint;
  else if (policy.ApiKey !== undefined) out.apiBaseUrl = DEFAULT_API_BASE_URL;
  if (policy.DisabledHelpdesks) out.disabledHelpdesks = policy.DisabledHelpdesks;
  if (policy.CustomDomains) out.customDomains = policy.CustomDomains;
  if (policy.SessionPermissions) out.permissionsPreset = policy.SessionPermissions;
  if (policy.AllowConsole !== undefined) out.allowConsole = policy.AllowConsole;
  if (policy.SessionScreen) {
    // The organisation decides the session screen as a whole: what it leaves out is the default.
    const screen = policy.SessionScreen;
    out.branding = {
      naked: SCREENS[screen.Screen ?? 'standard'],
      noBottomBar: screen.HideBottomBar ?? false,
      retryUrl: screen.RetryUrl ?? null,
    };
  }
  if (policy.ReturnToTicket !== undefined) out.returnToTicket = policy.ReturnToTicket;
  if (policy.FreshnessSeconds !== undefined) out.freshnessSeconds = policy.FreshnessSeconds;
  if (policy.NotifyWhenBack !== undefined) out.notifyWhenBack = policy.NotifyWhenBack;
  if (policy.NotifyWaiting !== undefined) out.notifyWaiting = policy.NotifyWaiting;
  if (policy.ToolbarOpens) out.toolbarOpens = policy.ToolbarOpens;
  return out;
}

/** The agent's own settings with every managed value laid over them, and what is managed. */
export function overlay(
  own: Settings,
  policy: ManagedPolicy,
  agent: HelpdeskAgent | null = null,
): { settings: Settings; managed: Managed } {
  const decided = policySettings(policy, agent);
  return {
    settings: { ...own, ...decided },
    managed: {
      fields: Object.keys(decided) as ManagedField[],
      key: policy.ApiKey !== undefined,
      agentIdentitySource: policy.AgentIdentitySource ?? null,
    },
  };
}

/**
 * The policy as the browser holds it now. A browser with no policy for the extension (Firefox
 * says "Managed storage manifest not found"; Chrome answers {}), or none of storage.managed at
 * all, has an empty one.
 */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed?.get();
  } catch {
    return {};
  }
  return readPolicy(raw);
}

/**
 * A browser starting with the extension installed by policy may not have read the policy yet
 * when the worker first runs: Chrome answers {} until it has, with no event when it arrives
 * (w3c/webextensions#547). So an empty answer at start-up is asked again a few times over about
 * five seconds, as PixieBrix does (it polls up to 4.5 s). Resolves with the first non-empty
 * policy, or the empty one in the end.
 */
export async function waitForManagedPolicy(
  delays: readonly number[] = [250, 500, 1000, 1500, 2000],
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
): Promise<ManagedPolicy> {
  let policy = await readManagedPolicy();
  for (const ms of delays) {
    if (Object.keys(policy).length > 0) break;
    await sleep(ms);
    policy = await readManagedPolicy();
  }
  return policy;
}

/**
 * Closes storage.managed to content scripts where the browser allows it, so the policy's key is
 * not readable from a helpdesk page's renderer. Resolves whether it did. Chrome's StorageArea has
 * setAccessLevel on every area; Firefox has none (see README, "Security").
 */
export async function restrictManagedStorage(): Promise<boolean> {
  const managed = browser.storage.managed as
    { setAccessLevel?: (o: object) => Promise<void> } | undefined;
  if (typeof managed?.setAccessLevel !== 'function') return false;
  try {
    await managed.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
