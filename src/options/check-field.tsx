import type { ManagedField } from '../shared/protocol';
import { t, type MessageKey } from '../wording/i18n';
import { describedBy, ManagedNote } from './managed';
import type { Form } from './model';
import type { FormParts } from './use-settings-form';

/** The on/off settings: a field of the form that is a boolean and a setting of its own. */
type Switch = {
  [K in keyof Form]: Form[K] extends boolean ? (K extends ManagedField ? K : never) : never;
}[keyof Form];

/**
 * One on/off setting as a checkbox with its hint, shown locked (with the reason) while the
 * organisation's policy decides it.
 */
export function CheckField(props: {
  parts: FormParts;
  field: Switch;
  /** Prefix of the hint's and the managed note's element ids. */
  id: string;
  label: MessageKey;
  hint: MessageKey;
}) {
  const { form, update, locked } = props.parts;
  const managed = locked(props.field);
  return (
    <div class="field">
      <label class="check">
        <input
          type="checkbox"
          aria-describedby={describedBy(`${props.id}-hint`, managed && `${props.id}-managed`)}
          disabled={managed}
          checked={form[props.field]}
          onChange={(event) => update({ [props.field]: event.currentTarget.checked })}
        />
        {t(props.label)}
      </label>
      <p id={`${props.id}-hint`} class="hint">
        {t(props.hint)}
      </p>
      <ManagedNote id={`${props.id}-managed`} show={managed} />
    </div>
  );
}
