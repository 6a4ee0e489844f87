import type { Candidate, Setup, TabState, Visitor } from '../shared/protocol';
import { errorWords } from '../wording/errors';
import { t } from '../wording/i18n';
import { ago, presenceOf, visitorLabel } from '../wording/visitor';
import { inPersonOrder } from './people';

/** One visitor in a list the agent picks from, with why it ranks there when the worker said. */
export interface Entry {
  visitor: Visitor;
  candidate: Candidate | null;
}

/**
 * The worker's ranked visitors as the list shows them: grouped by person (people in the order of
 * their best visitor), so the arrow keys follow the rows as they are seen. The best stays first.
 */
export function entriesOf(visitors: Visitor[], candidates: Candidate[]): Entry[] {
  return inPersonOrder(
    visitors.map((visitor) => ({
      visitor,
      candidate: candidates.find((c) => c.shortId === visitor.short_id) ?? null,
    })),
  );
}

/**
 * Which visitor the card shows. An explicit pick wins while it is still listed; otherwise the
 * best one, except when the worker could not tell the top ones apart: then the agent chooses.
 */
export function selectedId(
  entries: Entry[],
  ambiguous: boolean,
  pick: string | null | undefined,
): string | null {
  if (pick && entries.some((e) => e.visitor.short_id === pick)) return pick;
  if (ambiguous && entries.length > 1) return null;
  return entries[0]?.visitor.short_id ?? null;
}

/**
 * The list's label when the worker could not pick: how many of the listed visitors tie at the
 * top, so "2 of 3" when the third is plainly worse. A count of 0 (a state kept from before the
 * count was recorded) is taken as all of them.
 */
export function tiedLabel(tied: number, count: number): string {
  return tied > 1 && tied < count ? t('matchesAmbiguous', tied, count) : t('matchesAllTied', count);
}

/** The next selection for an arrow key, staying inside the list. */
export function moveSelection(
  entries: Entry[],
  current: string | null,
  step: 1 | -1,
): string | null {
  if (entries.length === 0) return null;
  const index = entries.findIndex((e) => e.visitor.short_id === current);
  if (index < 0) return entries[step === 1 ? 0 : entries.length - 1]!.visitor.short_id;
  const next = Math.min(entries.length - 1, Math.max(0, index + step));
  return entries[next]!.visitor.short_id;
}

/** What stops every lookup before any visitor can be shown, or null when the key is usable. */
export function setupProblem(
  setup: Setup | null,
): { tone: 'info' | 'error'; title: string; text: string } | null {
  if (!setup) return null;
  // First run is not a failure: calm, with the way forward.
  if (!setup.key.present) {
    return { tone: 'info', title: t('setupNoKeyTitle'), text: t('setupNoKeyText') };
  }
  const rejected = setup.key.rejected;
  if (rejected) {
    const key = errorWords(rejected)?.key ?? 'keyProblemUnauthorized';
    return { tone: 'error', title: t('setupKeyRefusedTitle'), text: t(key) };
  }
  return null;
}

/** Why "Start co-browsing" is off for this visitor, or null when one click can start it. */
export function startBlocker(
  visitor: Visitor,
  setup: Setup | null,
  now = Date.now(),
): string | null {
  const who = visitorLabel(visitor);
  switch (presenceOf(visitor)) {
    case 'offline': {
      const when = ago(visitor.last_seen_at, now);
      return when ? t('blockedOfflineSeen', who, when) : t('blockedOffline', who);
    }
    case 'unsupported':
      return visitor.browser_name
        ? t('blockedUnsupportedBrowser', visitor.browser_name)
        : t('blockedUnsupported');
    default:
      break;
  }
  if (setup && !setup.key.present) return t('blockedNoKey');
  if (setup?.key.rejected) return t('blockedKeyRefused');
  if (setup?.agentMissing) {
    return setup.agentFromHelpdesk ? t('blockedNoAgentHelpdesk') : t('blockedNoAgent');
  }
  return null;
}

const PRESET_NAMES = {
  full: 'sessionPresetFull',
  guide: 'sessionPresetGuide',
  view: 'sessionPresetView',
} as const;

/** The line near Start that says what the session will let the agent do, or null when unknown. */
export function sessionLine(setup: Setup | null): string | null {
  const session = setup?.session;
  if (!session) return null;
  const preset = t(PRESET_NAMES[session.permissionsPreset]);
  return session.allowConsole
    ? t('sessionStartsWithConsole', preset)
    : t('sessionStartsWith', preset);
}

/** What a ticket's last lookup says when it did not produce a visitor to trust. */
export interface TicketProblem {
  tone: 'error' | 'warn' | 'info';
  text: string;
  retry: boolean;
  settings: boolean;
}

export function ticketProblem(state: TabState): TicketProblem | null {
  const text = state.view.title;
  switch (state.view.state) {
    case 'error':
      return { tone: 'error', text, retry: true, settings: false };
    case 'rate_limited':
      // The worker's sentence says when it looks again ("Retrying at 12:05").
      return { tone: 'warn', text, retry: false, settings: false };
    case 'not_configured':
      return { tone: 'error', text, retry: false, settings: true };
    case 'disabled':
      return { tone: 'info', text: t('ticketDisabled'), retry: false, settings: true };
    default:
      return null;
  }
}
