import type { HelpdeskId } from '../shared/helpdesks';
import { endpointFault, normalEndpoint, type EndpointFault } from '../shared/endpoint';
import type {
  OpenIn,
  PermissionsPreset,
  Settings,
  SettingsPatch,
  ToolbarOpens,
} from '../shared/settings';
import type { MessageKey } from '../wording/i18n';

// The options form, its checks and what it saves. Pure: the page and the unit tests share it.
// The worker validates every save again with the settings schema; these checks are here to
// say what is wrong next to the field, in the agent's language, before anything is sent.

export interface Form {
  apiBaseUrl: string;
  agentName: string;
  agentId: string;
  naked: Settings['branding']['naked'];
  noBottomBar: boolean;
  retryUrl: string;
  openIn: OpenIn;
  permissionsPreset: PermissionsPreset;
  allowConsole: boolean;
  returnToTicket: boolean;
  freshnessSeconds: number;
  notifyWhenBack: boolean;
  notifyWaiting: boolean;
  inviteText: string;
  disabledHelpdesks: HelpdeskId[];
  toolbarOpens: ToolbarOpens;
}

export type CustomDomain = Settings['customDomains'][number];

export type Field = 'apiBaseUrl' | 'agentName' | 'agentId' | 'retryUrl';
export type FieldErrors = Partial<Record<Field, MessageKey>>;

export function formOf(settings: Settings): Form {
  return {
    apiBaseUrl: settings.apiBaseUrl,
    agentName: settings.agentName,
    agentId: settings.agentId,
    naked: settings.branding.naked,
    noBottomBar: settings.branding.noBottomBar,
    retryUrl: settings.branding.retryUrl ?? '',
    openIn: settings.openIn,
    permissionsPreset: settings.permissionsPreset,
    allowConsole: settings.allowConsole,
    returnToTicket: settings.returnToTicket,
    freshnessSeconds: settings.freshnessSeconds,
    notifyWhenBack: settings.notifyWhenBack,
    notifyWaiting: settings.notifyWaiting,
    inviteText: settings.inviteText,
    disabledHelpdesks: [...settings.disabledHelpdesks],
    toolbarOpens: settings.toolbarOpens,
  };
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

const ENDPOINT_PROBLEMS: Record<EndpointFault, MessageKey> = {
  empty: 'optionsEndpointEmpty',
  notUrl: 'optionsEndpointNotUrl',
  notHttps: 'optionsEndpointNotHttps',
  credentials: 'optionsEndpointCredentials',
  query: 'optionsEndpointQuery',
};

/** Why an API endpoint cannot be used, or null: the settings schema's rule, with a reason each. */
export function endpointProblem(raw: string): MessageKey | null {
  const fault = endpointFault(raw);
  return fault && ENDPOINT_PROBLEMS[fault];
}

export {
  endpointOrigin,
  endpointPermission,
  endpointSuggestion,
  foreignEndpointHost,
  normalEndpoint,
} from '../shared/endpoint';

/**
 * The agent ID an agent gets unless they choose one: their name in lower case, accents dropped,
 * words joined by dashes ("José Müller" → "jose-muller"). Readable in Upscope's session records
 * and stable across the spellings of a name; letters of any script are kept, so a name in
 * Cyrillic or Japanese still gives an ID.
 */
export function agentIdFrom(name: string): string {
  return (
    name
      .normalize('NFKD')
      // Accents off Latin letters only: other scripts' marks are part of the letter.
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64)
      .replace(/-+$/, '')
  );
}

export function retryUrlProblem(raw: string): MessageKey | null {
  const value = raw.trim();
  if (!value) return null;
  const url = parseUrl(value);
  return url && url.protocol === 'https:' ? null : 'optionsRetryUrlInvalid';
}

export function validate(form: Form): FieldErrors {
  const errors: FieldErrors = {};
  const endpoint = endpointProblem(form.apiBaseUrl);
  if (endpoint) errors.apiBaseUrl = endpoint;
  if (!form.agentName.trim()) errors.agentName = 'optionsAgentNameEmpty';
  if (!form.agentId.trim()) errors.agentId = 'optionsAgentIdEmpty';
  const retry = retryUrlProblem(form.retryUrl);
  if (retry) errors.retryUrl = retry;
  return errors;
}

/** The fields in the order they appear, to focus the first one that is wrong. */
export const FIELD_ORDER: Field[] = ['apiBaseUrl', 'agentName', 'agentId', 'retryUrl'];

export function toPatch(form: Form): SettingsPatch {
  return {
    apiBaseUrl: normalEndpoint(form.apiBaseUrl),
    agentName: form.agentName.trim(),
    agentId: form.agentId.trim(),
    branding: {
      naked: form.naked,
      noBottomBar: form.noBottomBar,
      retryUrl: form.retryUrl.trim() || null,
    },
    openIn: form.openIn,
    permissionsPreset: form.permissionsPreset,
    allowConsole: form.allowConsole,
    returnToTicket: form.returnToTicket,
    freshnessSeconds: form.freshnessSeconds,
    notifyWhenBack: form.notifyWhenBack,
    notifyWaiting: form.notifyWaiting,
    inviteText: form.inviteText.trim(),
    disabledHelpdesks: [...form.disabledHelpdesks],
    toolbarOpens: form.toolbarOpens,
  };
}

/** True when the form says something the saved settings do not. */
export function isDirty(form: Form, saved: Settings): boolean {
  return JSON.stringify(toPatch(form)) !== JSON.stringify(toPatch(formOf(saved)));
}

export type OriginCheck = { origin: string } | { error: MessageKey };

/**
 * Reads what an agent typed as a helpdesk address ("support.acme.com", "https://support.acme.com/
 * tickets") as an origin. A path is dropped; anything but https is refused.
 */
export function parseOrigin(raw: string, existing: CustomDomain[], max = 50): OriginCheck {
  const value = raw.trim();
  if (!value) return { error: 'optionsCustomInvalid' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  const url = parseUrl(withScheme);
  if (!url || url.protocol !== 'https:' || url.username || url.password) {
    return { error: 'optionsCustomInvalid' };
  }
  const origin = url.origin;
  if (!/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/.test(origin) || !url.hostname.includes('.')) {
    return { error: 'optionsCustomInvalid' };
  }
  if (existing.some((d) => d.origin === origin)) return { error: 'optionsCustomDuplicate' };
  if (existing.length >= max) return { error: 'optionsCustomTooMany' };
  return { origin };
}

/** Choices for how long a presence answer is reused, with the saved one kept when it is not among them. */
export const FRESHNESS_CHOICES = [30, 60, 120, 300, 900, 3600];

export function freshnessChoices(current: number): number[] {
  return FRESHNESS_CHOICES.includes(current)
    ? FRESHNESS_CHOICES
    : [...FRESHNESS_CHOICES, current].sort((a, b) => a - b);
}

export function toggleHelpdesk(
  disabled: HelpdeskId[],
  id: HelpdeskId,
  enabled: boolean,
): HelpdeskId[] {
  const rest = disabled.filter((d) => d !== id);
  return enabled ? rest : [...rest, id];
}

/** The saved key as it is shown: never the key, only its last characters. */
export function maskedKey(hint: string | null): string {
  return `••••••••••••${hint ?? ''}`;
}
