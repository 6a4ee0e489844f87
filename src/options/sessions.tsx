import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { describedBy, ManagedNote } from './managed';
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
      <label class="check">
        <input
          type="checkbox"
          checked={form.returnToTicket}
          disabled={locked('returnToTicket')}
          aria-describedby={describedBy(
            'return-to-ticket-hint',
            locked('returnToTicket') && 'return-to-ticket-managed',
          )}
          onChange={(event) => update({ returnToTicket: event.currentTarget.checked })}
        />
        {t('optionsReturnToTicket')}
      </label>
      <ManagedNote id="return-to-ticket-managed" show={locked('returnToTicket')} />
      <p class="hint" id="return-to-ticket-hint">
        {t('optionsReturnToTicketHint')}
      </p>
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
        <label class="check">
          <input
            type="checkbox"
            checked={form.allowConsole}
            disabled={locked('allowConsole')}
            aria-describedby={describedBy(
              'allow-console-hint',
              locked('allowConsole') && 'allow-console-managed',
            )}
            onChange={(event) => update({ allowConsole: event.currentTarget.checked })}
          />
          {t('optionsAllowConsole')}
        </label>
        <p class="hint" id="allow-console-hint">
          {t('optionsAllowConsoleHint')}
        </p>
        <ManagedNote id="allow-console-managed" show={locked('allowConsole')} />
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
