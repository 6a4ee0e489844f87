import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { t } from '../wording/i18n';
import { matchedByText, presenceOf, reasonText, visitorLabel } from '../wording/visitor';
import type { Entry } from './model';
import { PRESENCE_ICON } from './presence';

export const LIST_ID = 'visitor-list';
export const optionId = (index: number) => `visitor-option-${index}`;

/**
 * The ranked visitors to choose from. It is driven from the search box (arrow keys move, the
 * box keeps focus, as in a combobox); a click picks too.
 */
export function VisitorList(props: {
  entries: Entry[];
  selected: string | null;
  label: string;
  onPick(shortId: string): void;
}) {
  return (
    <div class="list-wrap">
      <p id="visitor-list-label" class="list-label">
        {props.label}
      </p>
      <ul id={LIST_ID} role="listbox" aria-labelledby="visitor-list-label" class="options">
        {props.entries.map(({ visitor, candidate }, index) => {
          const state = presenceOf(visitor);
          const selected = visitor.short_id === props.selected;
          // Worded here rather than taken from the worker, so it follows the UI language.
          const reason = reasonText(visitor);
          const how = candidate?.matchedBy
            ? matchedByText(candidate.matchedBy, (id) => HELPDESK_NAMES[id])
            : '';
          return (
            <li
              key={visitor.short_id}
              id={optionId(index)}
              role="option"
              aria-selected={selected}
              class={`option option-${state}${selected ? ' selected' : ''}`}
              // Keeps focus in the search box, so the keyboard flow carries on after a click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => props.onPick(visitor.short_id)}
            >
              <span class="option-icon" aria-hidden="true">
                {PRESENCE_ICON[state]}
              </span>
              <span class="option-text">
                <span class="option-name">{visitorLabel(visitor)}</span>
                <span class="option-reason">
                  {reason}
                  {how ? ` · ${t('matchedBy', how)}` : ''}
                </span>
              </span>
              {selected && (
                <span class="option-check" aria-hidden="true">
                  ✓
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
