import { useState } from 'preact/hooks';
import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { HELPDESK_IDS } from '../shared/helpdesks';
import { t } from '../wording/i18n';
import { toggleHelpdesk } from './model';
import { describedBy, ManagedNote } from './managed';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

/**
 * Which helpdesks show the visitor badge on their tickets.
 *
 * Eighteen checkboxes would be eighteen Tab stops on the way to Save, for a choice most agents
 * never change. They fold behind one disclosure button that says how many are on ("Badge on all
 * 18 helpdesks · Change"): one stop until the agent opens it. Opened, they stay plain checkboxes
 * in a fieldset, each its own stop: a roving tabindex or a multi-select listbox would take away
 * the checkbox semantics and the Tab behaviour screen reader users expect of a checkbox group
 * (ARIA has no arrow-key pattern for checkboxes outside a toolbar).
 */
export function HelpdesksSection({ parts }: { parts: FormParts }) {
  const { form, update, locked } = parts;
  const [open, setOpen] = useState(false);
  const on = HELPDESK_IDS.filter((id) => !form.disabledHelpdesks.includes(id)).length;
  const total = HELPDESK_IDS.length;
  return (
    <Section id="helpdesks-title" title={t('optionsHelpdesksTitle')}>
      <button
        type="button"
        class="disclosure"
        aria-expanded={open}
        aria-controls="helpdesk-list"
        onClick={() => setOpen(!open)}
      >
        {on === total ? t('optionsHelpdesksAllOn', total) : t('optionsHelpdesksSomeOn', on, total)}
      </button>
      <fieldset
        id="helpdesk-list"
        hidden={!open}
        disabled={locked('disabledHelpdesks')}
        aria-describedby={describedBy(locked('disabledHelpdesks') && 'helpdesks-managed')}
      >
        <legend>{t('optionsHelpdesksLegend')}</legend>
        <ManagedNote id="helpdesks-managed" show={locked('disabledHelpdesks')} />
        <div class="helpdesks">
          {HELPDESK_IDS.map((id) => (
            <label class="check" key={id}>
              <input
                type="checkbox"
                checked={!form.disabledHelpdesks.includes(id)}
                onChange={(event) =>
                  update({
                    disabledHelpdesks: toggleHelpdesk(
                      form.disabledHelpdesks,
                      id,
                      event.currentTarget.checked,
                    ),
                  })
                }
              />
              {HELPDESK_NAMES[id]}
            </label>
          ))}
        </div>
      </fieldset>
    </Section>
  );
}
