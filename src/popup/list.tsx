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
import { groupByPerson } from './people';
import { presenceIcon, presenceText, toneClass } from './presence';

export const LIST_ID = 'visitor-list';
export const optionId = (index: number) => `visitor-option-${index}`;
const personId = (index: number) => `visitor-person-${index}`;

/** The device and its browser, the line that tells one person's devices apart. */
function deviceLine(visitor: Visitor): string | null {
  const parts = [deviceText(visitor), visitor.browser_name?.trim()].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * The ranked visitors to choose from. It is driven from the search box (arrow keys move, the
 * box keeps focus, as in a combobox); a click picks too. Rows say what differs between them:
 * one person's devices show the person once, above, and each row its device and browser;
 * several people (a search by name) each get a heading with their name and email (the email
 * tells two people of one name apart) over their own devices. "found by …" is said per row
 * only when it is not the same for all. The entries come in person order (entriesOf), so the
 * option indexes the arrow keys move by are the order on screen.
 */
export function VisitorList(props: {
  entries: Entry[];
  selected: string | null;
  label: string;
  onPick(shortId: string): void;
}) {
  const people = groupByPerson(props.entries);
  const hows = new Map(
    props.entries.map(({ visitor, candidate }) => [
      visitor.short_id,
      candidate?.matchedBy ? matchedByText(candidate.matchedBy, (id) => HELPDESK_NAMES[id]) : '',
    ]),
  );
  const sameHow = new Set(hows.values()).size === 1 ? [...hows.values()][0] : null;
  const onePerson = people.length === 1 && props.entries.every((e) => deviceLine(e.visitor));
  const grouped = people.length > 1;
  const indexOf = new Map(props.entries.map((e, index) => [e.visitor.short_id, index]));

  function row({ visitor }: Entry) {
    const index = indexOf.get(visitor.short_id)!;
    const state = presenceOf(visitor);
    const selected = visitor.short_id === props.selected;
    const how = hows.get(visitor.short_id);
    const howText = sameHow === null && how ? ` · ${t('matchedBy', how)}` : '';
    const device = deviceLine(visitor);
    // A person's rows say what differs: the device, then how present they are.
    const byDevice = onePerson || grouped;
    const main = byDevice ? (device ?? t('unknownDevice')) : visitorLabel(visitor);
    // Worded here rather than taken from the worker, so it follows the UI language.
    const under = byDevice ? presenceText(visitor) : reasonText(visitor);
    return (
      <div
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
            {howText}
          </span>
        </span>
      </div>
    );
  }

  return (
    <div class="list-wrap">
      <p id="visitor-list-label" class="list-label">
        {props.label}
      </p>
      {(onePerson || sameHow) && (
        <p class="list-person">
          {onePerson && <strong>{people[0]!.name}</strong>}
          {onePerson && sameHow && ' · '}
          {sameHow && t('matchedBy', sameHow)}
        </p>
      )}
      <div id={LIST_ID} role="listbox" aria-labelledby="visitor-list-label" class="options">
        {grouped
          ? people.map((person, index) => (
              // A heading is not a choice: each person is a group the heading names.
              <div
                key={person.key}
                role="group"
                aria-labelledby={personId(index)}
                class="person"
                data-testid="person"
              >
                <div id={personId(index)} class="person-head">
                  <strong class="person-name">{person.name}</strong>
                  {person.email && <span class="person-email"> · {person.email}</span>}
                </div>
                {person.entries.map(row)}
              </div>
            ))
          : props.entries.map(row)}
      </div>
    </div>
  );
}
