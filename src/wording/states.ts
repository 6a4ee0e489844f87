import type { PresenceState } from '../shared/views';
import type { MessageKey } from './i18n';

// One vocabulary for every place that shows how a ticket's customer is: the badge on the ticket,
// the toolbar icon and its tooltip, and the popup. Each state has one word, one colour and one
// shape here, and nowhere else, so "Set up" is never grey in one place and red in another.

/**
 * A colour family. The popup draws each with its light and dark pair (src/ui/base.css); the badge
 * and the toolbar, which have no dark variant of their own, fill with `TONE_COLOURS`.
 */
export type Tone = 'ok' | 'warn' | 'info' | 'off' | 'danger';

/**
 * Solid colours, each the light scheme's foreground of its family in src/ui/base.css (a test
 * keeps them equal). White text on each, and each on white, meets WCAG AA (≥ 4.5:1).
 */
export const TONE_COLOURS: Readonly<Record<Tone, string>> = {
  ok: '#116329',
  warn: '#8a5a00',
  info: '#0b5cad',
  off: '#545d68',
  danger: '#b42318',
};

export interface StateLook {
  /** The state in a word or two: the popup's pill, the badge, the toolbar tooltip. */
  word: MessageKey;
  /** A few letters on the toolbar icon; null: the icon's shape says it. */
  code: MessageKey | null;
  tone: Tone;
  /**
   * A shape per state as well as a colour, so the state reads without colour vision too. No
   * circles with a dot or a ring: in a list those read as radio buttons.
   */
  icon: string;
}

export const STATES: Readonly<Record<PresenceState, StateLook>> = {
  online: { word: 'presenceOnline', code: 'toolbarOnline', tone: 'ok', icon: '●' },
  waiting: { word: 'presenceWaiting', code: 'toolbarWaiting', tone: 'warn', icon: '☎' },
  in_session: { word: 'presenceInSession', code: 'toolbarInSession', tone: 'info', icon: '⇄' },
  offline: { word: 'presenceOffline', code: 'toolbarOffline', tone: 'off', icon: '◇' },
  unsupported: { word: 'stateUnsupported', code: 'toolbarUnsupported', tone: 'danger', icon: '⚠' },
  not_found: { word: 'stateNotFound', code: 'toolbarNotFound', tone: 'off', icon: '∅' },
  not_configured: { word: 'stateSetUp', code: 'toolbarSetUp', tone: 'danger', icon: '⚙' },
  rate_limited: { word: 'statePaused', code: null, tone: 'off', icon: '…' },
  error: { word: 'badgeUnavailable', code: null, tone: 'danger', icon: '!' },
  disabled: { word: 'stateOff', code: null, tone: 'off', icon: '' },
};

/** The solid colour of a state: the badge's dot or fill, the toolbar icon's background. */
export function stateColour(state: PresenceState): string {
  return TONE_COLOURS[STATES[state].tone];
}
