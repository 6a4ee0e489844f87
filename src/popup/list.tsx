import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { t } from '../wording/i18n';
import type { Visitor } from '../shared/page-send';
import {
  deviceText,
  matchedByText,
  presenceOf,
  reasonText,
  visitorLabel,
} from '../wording/visitor';
import type { Entry } from './model';
import { presenceIcon, presenceText, toneClass } from './presence';

export const LIST_ID = 'visitor-list';
export const optionId = (index: number) => `visitor-option-${index}`;

/** The device and its browser, the line that tells one person's devices apart. */
function deviceLine(visitor: Visitor): string | null {
  const parts = [deviceText(visitor), visitor.browser_name?.trim()].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * The ranked visitors to choose from. It is driven from the search box (arrow keys move, the
 * box keeps focus, as in a combobox); a click picks too. Rows say what differs between them:
 * one person's devices show the name once, above, and each row its device and browser;
 * "found by …" is said per row only when it is not the same for all.
 */
export function VisitorList(props: {
  entries: Entry[];
  selected: string | null;
  label: string;
  onPick(shortId: string): void;
}) {
  const names = new Set(props.entries.map((e) => visitorLabel(e.visitor)));
  const hows = props.entries.map(({ candidate }) =>
    candidate?.matchedBy ? matchedByText(candidate.matchedBy, (id) => HELPDESK_NAMES[id]) : '',
  );
  const onePerson = names.size === 1 && props.entries.every((e) => deviceLine(e.visitor));
  const sameHow = new Set(hows).size === 1 ? hows[0] : null;
  return (
    <div class="list-wrap">
      <p id="visitor-list-label" class="list-label">
        {props.label}
      </p>
      {(onePerson || sameHow) && (
        <p class="list-person">
          {onePerson && <strong>{[...names][0]}</strong>}
          {onePerson && sameHow && ' · '}
          {sameHow && t('matchedBy', sameHow)}
        </p>
      )}
      <ul id={LIST_ID} role="listbox" aria-labelledby="visitor-list-label" class="options">
        {props.entries.map(({ visitor }, index) => {
          const state = presenceOf(visitor);
          const selected = visitor.short_id === props.selected;
          const how = sameHow === null && hows[index] ? ` · ${t('matchedBy', hows[index])}` : '';
          const device = deviceLine(visitor);
          const main = onePerson ? device! : visitorLabel(visitor);
          // Worded here rather than taken from the worker, so it follows the UI language.
          const under = onePerson ? presenceText(visitor) : reasonText(visitor);
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
              <span class={`option-icon ${toneClass(state)}`} aria-hidden="true">
                {presenceIcon(state)}
              </span>
              <span class="option-text">
                <span class="option-name">{main}</span>
                <span class="option-reason">
                  {under}
                  {how}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
