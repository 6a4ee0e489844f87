import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

const OPEN_IN_CHOICES = [
  ['tab', 'optionsOpenInTab'],
  ['window', 'optionsOpenInWindow'],
  ['current', 'optionsOpenInCurrent'],
] as const;

/** Where a co-browsing session opens, and how it looks. */
export function SessionsSection({ parts }: { parts: FormParts }) {
  const { form, update } = parts;
  return (
    <Section id="sessions-title" title={t('optionsSessionsTitle')}>
      <fieldset>
        <legend>{t('optionsOpenInLegend')}</legend>
        {OPEN_IN_CHOICES.map(([value, label]) => (
          <label class="check" key={value}>
            <input
              type="radio"
              name="open-in"
              value={value}
              checked={form.openIn === value}
              onChange={() => update({ openIn: value })}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsBrandingLegend')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={form.naked}
            onChange={(event) => update({ naked: event.currentTarget.checked })}
          />
          {t('optionsNaked')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={form.noBottomBar}
            onChange={(event) => update({ noBottomBar: event.currentTarget.checked })}
          />
          {t('optionsNoBottomBar')}
        </label>
        <TextField
          id="retry-url"
          label={t('optionsRetryUrlLabel')}
          type="url"
          value={form.retryUrl}
          error={parts.error('retryUrl')}
          hint={t('optionsRetryUrlHint')}
          onInput={(value) => {
            update({ retryUrl: value });
            parts.clear('retryUrl');
          }}
        />
      </fieldset>
    </Section>
  );
}
