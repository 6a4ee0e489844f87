import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { describedBy, ManagedNote } from './managed';
import { CheckField } from './check-field';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

const OPEN_IN_CHOICES = [
  ['tab', 'optionsOpenInTab'],
  ['window', 'optionsOpenInWindow'],
  ['current', 'optionsOpenInCurrent'],
] as const;

/** Upscope's `branding.naked`: false, true, or 'page_only' (also no toolbar and no url bar). */
const SCREEN_CHOICES = [
  ['standard', false, 'optionsScreenStandard'],
  ['naked', true, 'optionsNaked'],
  ['page-only', 'page_only', 'optionsPageOnly'],
] as const;

const PRESET_CHOICES = [
  ['full', 'optionsPresetFull'],
  ['guide', 'optionsPresetGuide'],
  ['view', 'optionsPresetView'],
] as const;

/** Where a co-browsing session opens, and how it looks. */
export function SessionsSection({ parts }: { parts: FormParts }) {
  const { form, update, locked } = parts;
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
      <CheckField
        parts={parts}
        field="returnToTicket"
        id="return-to-ticket"
        label="optionsReturnToTicket"
        hint="optionsReturnToTicketHint"
      />
      <fieldset>
        <legend>{t('optionsPermissionsLegend')}</legend>
        <ManagedNote id="permissions-managed" show={locked('permissionsPreset')} />
        {PRESET_CHOICES.map(([value, label]) => (
          <label class="check" key={value}>
            <input
              type="radio"
              name="permissions-preset"
              value={value}
              checked={form.permissionsPreset === value}
              disabled={locked('permissionsPreset')}
              aria-describedby={describedBy(locked('permissionsPreset') && 'permissions-managed')}
              onChange={() => update({ permissionsPreset: value })}
            />
            {t(label)}
          </label>
        ))}
        <CheckField
          parts={parts}
          field="allowConsole"
          id="allow-console"
          label="optionsAllowConsole"
          hint="optionsAllowConsoleHint"
        />
      </fieldset>
      <fieldset
        disabled={locked('branding')}
        aria-describedby={describedBy(locked('branding') && 'branding-managed')}
      >
        <legend>{t('optionsBrandingLegend')}</legend>
        <ManagedNote id="branding-managed" show={locked('branding')} />
        {SCREEN_CHOICES.map(([id, value, label]) => (
          <label class="check" key={id}>
            <input
              type="radio"
              name="session-screen"
              value={id}
              checked={form.naked === value}
              onChange={() => update({ naked: value })}
            />
            {t(label)}
          </label>
        ))}
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
