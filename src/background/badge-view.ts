import type { Visitor } from '../api';
import type { BadgeView, ErrorInfo } from '../shared/views';
import { fixFor } from '../wording/errors';
import { t } from '../wording/i18n';
import { ago, presenceOf, visitorLabel } from '../wording/visitor';
import type { LookupResult } from './lookup';

// The words a badge and the toolbar show, in the browser's language (_locales). Worked out here
// so the content script stays tiny and never needs more than these strings.

/** The states where one click can co-browse: their badge word and their sentence. */
const AVAILABLE = {
  waiting: ['presenceWaiting', 'badgeTitleWaiting'],
  online: ['badgeOnline', 'badgeTitleOnline'],
  in_session: ['presenceInSession', 'badgeTitleInSession'],
} as const;

export function viewForVisitor(visitor: Visitor, ambiguous: boolean, now = Date.now()): BadgeView {
  const who = visitorLabel(visitor);
  const state = presenceOf(visitor);
  switch (state) {
    case 'waiting':
    case 'online':
    case 'in_session': {
      const [label, title] = AVAILABLE[state];
      const more = ambiguous ? ` ${t('badgeTitleAmbiguous')}` : '';
      return { state, label: t(label), title: t(title, who) + more, canStart: !ambiguous };
    }
    case 'unsupported':
      return {
        state: 'unsupported',
        label: t('badgeUnsupported'),
        title: t('badgeTitleUnsupported', who),
        canStart: false,
      };
    default: {
      const when = ago(visitor.last_seen_at, now);
      return {
        state: 'offline',
        label: when ? t('badgeOfflineAgo', when) : t('presenceOffline'),
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
      state: 'not_found',
      label: t('badgeNotSeen'),
      title: t('badgeTitleNotFound'),
      canStart: false,
    };
  }
  const view = viewForVisitor(best, result.ambiguous, now);
  if (!result.possible) return view;
  // Found only by a name or a code anyone can write: shown, never started with one click.
  return {
    state: view.state,
    label: t('badgePossibleMatch'),
    title: t('badgeTitlePossibleMatch'),
    canStart: false,
    possible: true,
  };
}

export function viewForError(error: ErrorInfo): BadgeView {
  const fix = fixFor(error.kind);
  // Failures only the agent can fix, in the settings or with their Upscope team.
  if (fix === 'settings') {
    return {
      state: 'not_configured',
      label: t('badgeSetUp'),
      title: error.message,
      canStart: false,
    };
  }
  if (fix === 'wait') {
    return {
      state: 'rate_limited',
      label: t('badgePaused'),
      title: error.message,
      canStart: false,
    };
  }
  return { state: 'error', label: t('badgeUnavailable'), title: error.message, canStart: false };
}

/** A function, not a constant: the words are looked up when the view is shown. */
export function disabledView(): BadgeView {
  return {
    state: 'disabled',
    label: t('badgeOff'),
    title: t('badgeTitleDisabled'),
    canStart: false,
  };
}
