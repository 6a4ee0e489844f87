import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { HELPDESK_IDS } from '../shared/helpdesks';
import { t } from '../wording/i18n';
import { toggleHelpdesk } from './model';
import { describedBy, ManagedNote } from './managed';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

/** Which helpdesks show the visitor badge on their tickets. */
export function HelpdesksSection({ parts }: { parts: FormParts }) {
  const { form, update, locked } = parts;
  return (
    <Section id="helpdesks-title" title={t('optionsHelpdesksTitle')}>
      <fieldset
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
