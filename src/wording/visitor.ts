import type { Agent, Session, Visitor } from '../api/schemas';
import type { HelpdeskId } from '../shared/helpdesks';
import type { MatchedBy, PresenceState } from '../shared/views';
import { t, uiLanguage, type MessageKey } from './i18n';

// How a visitor reads to an agent: the popup, and the worker for its ranking, badge and toolbar,
// so a visitor looks the same everywhere.

export type VisitorPresence = Extract<
  PresenceState,
  'online' | 'waiting' | 'in_session' | 'offline' | 'unsupported'
>;

export function presenceOf(visitor: Visitor): VisitorPresence {
  if (!visitor.is_online) return 'offline';
  if (visitor.is_supported === false) return 'unsupported';
  if (visitor.is_in_session) return 'in_session';
  if (visitor.is_waiting_for_call) return 'waiting';
  return 'online';
}

const nonEmpty = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** The name an agent knows the visitor by, best first (as the worker's badge says it). */
export function visitorLabel(visitor: Visitor): string {
  return (
    [visitor.name, visitor.identities?.find(nonEmpty), visitor.email, visitor.nickname].find(
      nonEmpty,
    ) ?? visitor.short_id
  );
}

/**
 * How the customer is named in a call to action: the first word of their name, as an agent says
 * it ("Start co-browsing with Jane"); an email or an id whole, since half of one names nobody.
 */
export function callName(visitor: Visitor): string {
  const label = visitorLabel(visitor).trim();
  if (/[@:]/.test(label)) return label;
  return label.split(/\s+/)[0] || label;
}

/** The email to show under the name, when it adds something. */
export function visitorEmail(visitor: Visitor): string | null {
  const label = visitorLabel(visitor);
  const email =
    [visitor.email, ...(visitor.identities ?? [])].find(
      (value) => nonEmpty(value) && value.includes('@'),
    ) ?? null;
  return email && email !== label ? email : null;
}

const DEVICE_KEYS: Record<string, MessageKey> = {
  desktop: 'deviceDesktop',
  console: 'deviceConsole',
  mobile: 'deviceMobile',
  tablet: 'deviceTablet',
  smarttv: 'deviceSmarttv',
  wearable: 'deviceWearable',
  embedded: 'deviceEmbedded',
};

export function deviceText(visitor: Visitor): string | null {
  const typeKey = visitor.device_type ? DEVICE_KEYS[visitor.device_type] : undefined;
  const type = typeKey ? t(typeKey) : nonEmpty(visitor.device_type) ? visitor.device_type : null;
  const name = nonEmpty(visitor.device_name) ? visitor.device_name : null;
  if (name && type) return `${name} (${inSentence(type)})`;
  return name ?? type;
}

function countryName(visitor: Visitor): string | null {
  const code = visitor.location_country;
  if (typeof code === 'string' && /^[A-Za-z]{2}$/.test(code)) {
    try {
      const name = new Intl.DisplayNames([uiLanguage()], { type: 'region' }).of(code.toUpperCase());
      if (name && name.toUpperCase() !== code.toUpperCase()) return name;
    } catch {
      // Fall back to the name the API gave.
    }
  }
  const name = visitor.location_country_name;
  if (!nonEmpty(name)) return nonEmpty(code) ? code : null;
  // UserView sends country names in lower case ("united states").
  return name === name.toLowerCase()
    ? name.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase())
    : name;
}

export function locationText(visitor: Visitor): string | null {
  const parts = [visitor.location_city, countryName(visitor)].filter(nonEmpty);
  return parts.length ? parts.join(', ') : null;
}

export function agentName(agent: Agent): string | null {
  return [agent.name, agent.agent_nickname, agent.email].find(nonEmpty) ?? null;
}

export function agentNames(agents: Agent[] | null | undefined): string[] {
  return (agents ?? []).map(agentName).filter(nonEmpty);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relativeTimes = new Map<string, Intl.RelativeTimeFormat>();

/** The browser's own wording of "N units ago" in the UI language, in its narrowest form. */
function relative(count: number, unit: Intl.RelativeTimeFormatUnit): string {
  const language = uiLanguage();
  let format = relativeTimes.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { style: 'narrow' });
    relativeTimes.set(language, format);
  }
  return format.format(-count, unit);
}

/**
 * "just now", "5m ago", "3h ago", "2d ago" (in German "vor 3 Std.") in the UI language; null for
 * a missing time. The units come from `Intl.RelativeTimeFormat`, so every language gets its own
 * grammar; only "just now" is ours, as Intl's "now" reads like a clock.
 */
export function ago(iso: string | null | undefined, now: number = Date.now()): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return t('agoJustNow');
  if (elapsed < HOUR) return relative(Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relative(Math.floor(elapsed / HOUR), 'hour');
  return relative(Math.floor(elapsed / DAY), 'day');
}

/** A device type inside a sentence: small in English ("online on mobile"), as is in German. */
function inSentence(type: string): string {
  return t('deviceTypeInSentence') === 'keep' ? type : type.toLowerCase();
}

/** Why a visitor ranks where it does, e.g. "online on iPhone" or "seen 5m ago". */
export function reasonText(visitor: Visitor, now: number = Date.now()): string {
  const device =
    (nonEmpty(visitor.device_name) && visitor.device_name) ||
    (visitor.device_type && DEVICE_KEYS[visitor.device_type]
      ? inSentence(t(DEVICE_KEYS[visitor.device_type]!))
      : null) ||
    (nonEmpty(visitor.device_type) && visitor.device_type) ||
    t('unknownDevice');
  switch (presenceOf(visitor)) {
    case 'waiting':
      return t('reasonWaitingOn', device);
    case 'online':
      return t('reasonOnlineOn', device);
    case 'in_session':
      return t('reasonInSessionOn', device);
    case 'unsupported':
      return t('reasonUnsupported');
    default: {
      const when = ago(visitor.last_seen_at, now);
      return when ? t('reasonSeen', when) : t('reasonOffline');
    }
  }
}

const MATCHED_BY: Record<Exclude<MatchedBy['kind'], 'helpdesk_user_id'>, MessageKey> = {
  email: 'matchedByEmail',
  user_id: 'matchedByUserId',
  lookup_code: 'matchedByLookupCode',
  name: 'matchedByName',
  search: 'matchedBySearch',
};

/** How the worker found a visitor ("email", "Zendesk user id"…) in the UI language. */
export function matchedByText(
  matchedBy: MatchedBy,
  helpdeskName: (id: HelpdeskId) => string = (id) => id,
): string {
  if (matchedBy.kind !== 'helpdesk_user_id') return t(MATCHED_BY[matchedBy.kind]);
  const helpdesk = matchedBy.helpdesk;
  return t('matchedByHelpdeskId', helpdesk ? helpdeskName(helpdesk) : '').trim();
}

/** Sessions still running: no end time yet. */
export function openSession(visitor: Visitor): Session | null {
  return visitor.sessions?.find((session) => !session.ended_at) ?? null;
}

/** "1 min 10 s", "2 h 5 min", "45 s". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return m ? t('durationHoursMinutes', h, m) : t('durationHours', h);
  if (m) return s ? t('durationMinutesSeconds', m, s) : t('durationMinutes', m);
  return t('durationSeconds', s);
}

/** A session length from the seconds when given, otherwise the vendor's own wording. */
export function lengthText(
  seconds: number | null | undefined,
  formatted: string | null | undefined,
) {
  if (typeof seconds === 'number' && Number.isFinite(seconds)) return formatDuration(seconds);
  return nonEmpty(formatted) && formatted !== '-' ? formatted : null;
}

/** A vendor identifier such as "remote_typing" read as words. */
export function words(value: string): string {
  return value.replace(/[_-]+/g, ' ').trim();
}

export function absoluteTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  return new Date(at).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** "12:04", in the UI language's own way of writing a time. */
export function clockTime(at: number): string {
  try {
    return new Intl.DateTimeFormat(t('langCode'), { timeStyle: 'short' }).format(at);
  } catch {
    return new Date(at).toTimeString().slice(0, 5);
  }
}
