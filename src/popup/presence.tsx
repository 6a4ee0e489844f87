import { t } from '../wording/i18n';
import type { Visitor } from '../shared/page-send';
import { agentNames, ago, openSession, presenceOf, type VisitorPresence } from '../wording/visitor';

/**
 * A shape per state as well as a colour, so the state reads without colour vision too. No
 * circles with a dot or a ring: in a list those read as radio buttons.
 */
export const PRESENCE_ICON: Record<VisitorPresence, string> = {
  online: '●',
  waiting: '☎',
  in_session: '⇄',
  offline: '◇',
  unsupported: '⚠',
};

export function presenceText(visitor: Visitor, now = Date.now()): string {
  switch (presenceOf(visitor)) {
    case 'online':
      return t('presenceOnline');
    case 'waiting':
      return t('presenceWaiting');
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
    <p class={`presence presence-${state}`}>
      <span class="presence-icon" aria-hidden="true">
        {PRESENCE_ICON[state]}
      </span>
      <span>{presenceText(visitor)}</span>
    </p>
  );
}
