import { t } from '../wording/i18n';
import { CheckField } from './check-field';
import { freshnessChoices } from './model';
import { describedBy, ManagedNote } from './managed';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

function freshnessLabel(seconds: number): string {
  if (seconds === 60) return t('optionsOneMinute');
  if (seconds === 3600) return t('optionsOneHour');
  if (seconds % 60 === 0) return t('optionsMinutes', seconds / 60);
  return t('optionsSeconds', seconds);
}

/** How long a visitor's presence is trusted before it is looked up again. */
export function PresenceSection({ parts }: { parts: FormParts }) {
  const { form, update, locked } = parts;
  return (
    <Section id="presence-title" title={t('optionsPresenceTitle')}>
      <div class="field">
        <label for="freshness">{t('optionsFreshnessLabel')}</label>
        <select
          id="freshness"
          class="narrow"
          disabled={locked('freshnessSeconds')}
          aria-describedby={describedBy(
            'freshness-hint',
            locked('freshnessSeconds') && 'freshness-managed',
          )}
          value={String(form.freshnessSeconds)}
          onChange={(event) => update({ freshnessSeconds: Number(event.currentTarget.value) })}
        >
          {freshnessChoices(form.freshnessSeconds).map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {freshnessLabel(seconds)}
            </option>
          ))}
        </select>
        <p id="freshness-hint" class="hint">
          {t('optionsFreshnessHint')}
        </p>
        <ManagedNote id="freshness-managed" show={locked('freshnessSeconds')} />
      </div>
      <CheckField
        parts={parts}
        field="notifyWhenBack"
        id="notify-back"
        label="optionsNotifyBackLabel"
        hint="optionsNotifyBackHint"
      />
      <CheckField
        parts={parts}
        field="notifyWaiting"
        id="notify-waiting"
        label="optionsNotifyWaitingLabel"
        hint="optionsNotifyWaitingHint"
      />
      <div class="field">
        <label for="invite-text">{t('optionsInviteLabel')}</label>
        <textarea
          id="invite-text"
          rows={3}
          maxLength={1000}
          aria-describedby="invite-text-hint"
          placeholder={t('inviteTextDefault')}
          value={form.inviteText}
          onInput={(event) => update({ inviteText: event.currentTarget.value })}
        />
        <p id="invite-text-hint" class="hint">
          {t('optionsInviteHint')}
        </p>
      </div>
    </Section>
  );
}
