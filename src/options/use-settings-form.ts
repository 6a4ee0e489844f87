import { useState } from 'preact/hooks';
import type { Managed, ManagedField } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { t } from '../wording/i18n';
import type { Tone } from '../ui/notice';
import { formOf, type Field, type FieldErrors, type Form } from './model';

/** What the save bar says after a save, a test or a key change. */
export type Status = { tone: Extract<Tone, 'ok' | 'error' | 'info'>; text: string } | null;

/** What a section that edits the form gets: the form, a way to change it, and each field's error. */
export interface FormParts {
  form: Form;
  update(patch: Partial<Form>): void;
  error(field: Field): string | null;
  /** Takes a field's error away once the agent edits it. */
  clear(field: Field): void;
  /** Whether the organisation's policy decides this setting: shown, not editable. */
  locked(field: ManagedField): boolean;
}

/** Nothing managed: what a page shows before the worker answered, or without a policy. */
export const NOT_MANAGED: Managed = { fields: [], key: false, agentIdentitySource: null };

export const FIELD_IDS: Record<Field, string> = {
  apiBaseUrl: 'api-endpoint',
  agentName: 'agent-name',
  agentId: 'agent-id',
  retryUrl: 'retry-url',
};

/** The saved settings, the form over them, its errors and the save bar's status. */
export function useSettingsForm() {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** The endpoint's origin when the browser's permission for it was refused. */
  const [deniedOrigin, setDeniedOrigin] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [managed, setManaged] = useState<Managed>(NOT_MANAGED);

  function stored(settings: Settings, nowManaged?: Managed) {
    setSaved(settings);
    setForm(formOf(settings));
    if (nowManaged) setManaged(nowManaged);
  }

  const parts: FormParts | null = form && {
    form,
    update(patch) {
      setForm({ ...form, ...patch });
      setStatus(null);
    },
    error(field) {
      if (field === 'apiBaseUrl' && deniedOrigin) return t('optionsEndpointDenied', deniedOrigin);
      const message = errors[field];
      return message ? t(message) : null;
    },
    clear(field) {
      if (field === 'apiBaseUrl') setDeniedOrigin(null);
      // As an update of the latest errors: a section may clear two fields in one event.
      if (errors[field]) setErrors((now) => ({ ...now, [field]: undefined }));
    },
    locked: (field) => managed.fields.includes(field),
  };

  return {
    saved,
    setSaved,
    managed,
    parts,
    stored,
    setErrors,
    setDeniedOrigin,
    status,
    setStatus,
  };
}
