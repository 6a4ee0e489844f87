import { t } from '../wording/i18n';

/**
 * Says that the organisation's browser policy decides a setting, next to it: the control is shown
 * with the policy's value and cannot be changed. `id` is what the control's aria-describedby names.
 */
export function ManagedNote({ id, show }: { id: string; show: boolean }) {
  if (!show) return null;
  return (
    <p class="managed-note" id={id}>
      {t('optionsManagedBy')}
    </p>
  );
}

/** The ids a control is described by: its own hint, and the managed note while it shows. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}
