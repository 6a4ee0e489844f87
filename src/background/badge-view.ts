import type { Visitor } from '../api';
import type { BadgeView, ErrorInfo, PresenceState } from '../shared/views';
import { fixFor } from '../wording/errors';
import { t } from '../wording/i18n';
import { STATES, stateColour } from '../wording/states';
import { ago, callName, clockTime, presenceOf, visitorLabel } from '../wording/visitor';
import type { LookupResult } from './lookup';

// The words a badge and the toolbar show, in the browser's language (_locales). Worked out here
// so the content script stays tiny and never needs more than these strings. The badge names the
// customer and what a click does ("Co-browse with Jane · Online", "Join Jane's session"); when a
// click starts nothing it has no verb ("Jane · seen 3h ago").

/** The state's word and colour from the one table of states. */
const word = (state: PresenceState) => t(STATES[state].word);
const look = (state: PresenceState) => ({ state, color: stateColour(state) });

/** The states where one click can co-browse, and their sentence for the tooltip. */
const AVAILABLE = {
  waiting: 'badgeTitleWaiting',
  online: 'badgeTitleOnline',
  in_session: 'badgeTitleInSession',
} as const;

export function viewForVisitor(visitor: Visitor, ambiguous: boolean, now = Date.now()): BadgeView {
  const who = visitorLabel(visitor);
  const name = callName(visitor);
  const state = presenceOf(visitor);
  switch (state) {
    case 'waiting':
    case 'online':
    case 'in_session': {
      const title = t(AVAILABLE[state], who);
      // Several visitors tie: a click opens the popup to choose, so the badge says that instead.
      if (ambiguous) {
        return {
          ...look(state),
          label: t('badgeLabelChoose'),
          title: `${title} ${t('badgeTitleAmbiguous')}`,
          canStart: false,
          opens: 'popup',
        };
      }
      const label =
        state === 'in_session'
          ? t('badgeLabelJoin', name)
          : t('badgeLabelStart', name, word(state));
      return { ...look(state), label, title, canStart: true };
    }
    case 'unsupported':
      return {
        ...look(state),
        label: t('badgeLabelState', name, word(state)),
        title: t('badgeTitleUnsupported', who),
        canStart: false,
      };
    default: {
      const when = ago(visitor.last_seen_at, now);
      return {
        ...look('offline'),
        label: when ? t('badgeLabelSeen', name, when) : t('badgeLabelState', name, word('offline')),
        title: when ? t('badgeTitleOfflineSeen', who, when) : t('badgeTitleOffline', who),
        canStart: false,
      };
    }
  }
}

export function viewForLookup(result: LookupResult, now = Date.now()): BadgeView {
  const best = result.visitors[0];
  if (!best) {
    return {
      ...look('not_found'),
      label: word('not_found'),
      title: t('badgeTitleNotFound'),
      canStart: false,
    };
  }
  const view = viewForVisitor(best, result.ambiguous, now);
  if (!result.possible) return view;
  // Found only by a name or a code anyone can write: shown, never started with one click.
  return {
    ...look(view.state),
    label: t('badgePossibleMatch'),
    title: t('badgeTitlePossibleMatch'),
    canStart: false,
    possible: true,
    opens: 'popup',
  };
}

/**
 * `retryAt`: when the worker looks again after Upscope asked for a pause, so the agent reads a
 * time ("Retrying at 12:05") rather than a promise.
 */
export function viewForError(error: ErrorInfo, retryAt?: number): BadgeView {
  const fix = fixFor(error.kind);
  // Failures only the agent can fix, in the settings or with their Upscope team.
  if (fix === 'settings') {
    return {
      ...look('not_configured'),
      label: word('not_configured'),
      title: error.message,
      canStart: false,
      opens: 'settings',
    };
  }
  if (fix === 'wait') {
    return {
      ...look('rate_limited'),
      label: word('rate_limited'),
      title: retryAt
        ? t(
            error.kind === 'tab_rate_limited' ? 'tabPausedRetryAt' : 'pausedRetryAt',
            clockTime(retryAt),
          )
        : error.message,
      canStart: false,
    };
  }
  return { ...look('error'), label: word('error'), title: error.message, canStart: false };
}

/** A function, not a constant: the words are looked up when the view is shown. */
export function disabledView(): BadgeView {
  return {
    ...look('disabled'),
    label: word('disabled'),
    title: t('badgeTitleDisabled'),
    canStart: false,
  };
}
