import type { Visitor } from '../shared/page-send';
import { t } from '../wording/i18n';
import { agentNames, openSession, presenceOf, visitorLabel } from '../wording/visitor';

/**
 * How the start button names the customer: the first word of their name, as an agent says it
 * ("Start co-browsing with Jane"); an email or an id whole, since half of one names nobody.
 */
export function callName(visitor: Visitor): string {
  const label = visitorLabel(visitor).trim();
  if (/[@:]/.test(label)) return label;
  return label.split(/\s+/)[0] || label;
}

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

/** "12:04", in the UI language's own way of writing a time. */
export function clockTime(at: number): string {
  try {
    return new Intl.DateTimeFormat(t('langCode'), { timeStyle: 'short' }).format(at);
  } catch {
    return new Date(at).toTimeString().slice(0, 5);
  }
}
