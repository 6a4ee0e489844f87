import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { HELPDESK_IDS } from '../shared/helpdesks';
import { t } from '../wording/i18n';
import { toggleHelpdesk } from './model';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

/** Which helpdesks show the visitor badge on their tickets. */
export function HelpdesksSection({ parts }: { parts: FormParts }) {
  const { form, update } = parts;
  return (
    <Section id="helpdesks-title" title={t('optionsHelpdesksTitle')}>
      <fieldset>
        <legend>{t('optionsHelpdesksLegend')}</legend>
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
