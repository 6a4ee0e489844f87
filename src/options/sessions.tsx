import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { describedBy, ManagedNote } from './managed';
import { CheckField } from './check-field';
import { Section } from './section';
import type { Form } from './model';
import { Radios, type RadioChoice } from './radios';
import type { FormParts } from './use-settings-form';

const OPEN_IN_CHOICES: readonly RadioChoice<Form['openIn']>[] = [
  ['tab', 'optionsOpenInTab'],
  ['window', 'optionsOpenInWindow'],
  ['current', 'optionsOpenInCurrent'],
];

/** Upscope's `branding.naked`: false, true, or 'page_only' (also no toolbar and no url bar). */
const SCREEN_CHOICES: readonly RadioChoice<Form['naked']>[] = [
  [false, 'optionsScreenStandard'],
  [true, 'optionsNaked'],
  ['page_only', 'optionsPageOnly'],
];

const PRESET_CHOICES: readonly RadioChoice<Form['permissionsPreset']>[] = [
  ['full', 'optionsPresetFull'],
  ['guide', 'optionsPresetGuide'],
  ['view', 'optionsPresetView'],
];

/** Where a co-browsing session opens, and how it looks. */
export function SessionsSection({ parts }: { parts: FormParts }) {
  const { form, update, locked } = parts;
  return (
    <Section id="sessions-title" title={t('optionsSessionsTitle')}>
      <fieldset>
        <legend>{t('optionsOpenInLegend')}</legend>
        <Radios
          name="open-in"
          choices={OPEN_IN_CHOICES}
          value={form.openIn}
          onChange={(openIn) => update({ openIn })}
        />
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
        <Radios
          name="permissions-preset"
          choices={PRESET_CHOICES}
          value={form.permissionsPreset}
          disabled={locked('permissionsPreset')}
          describedBy={describedBy(locked('permissionsPreset') && 'permissions-managed')}
          onChange={(permissionsPreset) => update({ permissionsPreset })}
        />
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
        <Radios
          name="session-screen"
          choices={SCREEN_CHOICES}
          value={form.naked}
          onChange={(naked) => update({ naked })}
        />
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
