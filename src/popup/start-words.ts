import type { Visitor } from '../shared/page-send';
import { t } from '../wording/i18n';
import { agentNames, callName, clockTime, openSession, presenceOf } from '../wording/visitor';

export { callName, clockTime };

/** The start button's words: what one click will do, and with whom. */
export function startLabel(visitor: Visitor): string {
  if (presenceOf(visitor) === 'in_session') {
    const agents = agentNames(openSession(visitor)?.agents);
    if (agents.length === 1) return t('joinSessionOf', agents[0]!);
    if (agents.length > 1) return t('joinSessionWith', agents.join(', '));
    return t('joinSession');
  }
  return t('startCobrowseWith', callName(visitor));
}
