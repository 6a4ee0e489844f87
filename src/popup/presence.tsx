import { t } from '../wording/i18n';
import { STATES } from '../wording/states';
import type { Visitor } from '../shared/page-send';
import { agentNames, ago, openSession, presenceOf, type VisitorPresence } from '../wording/visitor';

/** The state's shape from the one table of states, so it reads without colour vision too. */
export const presenceIcon = (state: VisitorPresence): string => STATES[state].icon;

/** The state's colour family from the same table (tone-* in the popup's CSS). */
export const toneClass = (state: VisitorPresence): string => `tone-${STATES[state].tone}`;

export function presenceText(visitor: Visitor, now = Date.now()): string {
  switch (presenceOf(visitor)) {
    case 'online':
      return t(STATES.online.word);
    case 'waiting':
      return t(STATES.waiting.word);
    case 'in_session': {
      const names = agentNames(openSession(visitor)?.agents);
      return names.length ? t('presenceInSessionWith', names.join(', ')) : t('presenceInSession');
    }
    case 'unsupported':
      return t('presenceUnsupported');
    default: {
      const when = ago(visitor.last_seen_at, now);
      return when ? t('presenceOfflineSeen', when) : t('presenceOffline');
    }
  }
}

export function Presence({ visitor }: { visitor: Visitor }) {
  const state = presenceOf(visitor);
  return (
    <p class={`presence presence-${state} ${toneClass(state)}`}>
      <span class="presence-icon" aria-hidden="true">
        {presenceIcon(state)}
      </span>
      <span>{presenceText(visitor)}</span>
    </p>
  );
}
