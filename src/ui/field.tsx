import type { ComponentChildren, Ref } from 'preact';
import { t } from '../wording/i18n';

/** What is wrong with a field, under it; `id` is what the field's aria-describedby names. */
export function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} class="field-error">
      <span class="icon" aria-hidden="true">
        !
      </span>
      <strong>{t('optionsErrorPrefix')}</strong> {text}
    </p>
  );
}

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error: string | null;
  value: string;
  type?: 'text' | 'url' | 'password';
  autocomplete?: string;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onInput?(value: string): void;
  /** Buttons beside the input. */
  after?: ComponentChildren;
}

/** A labelled text input with its error and hint wired to it for screen readers. */
export function TextField(props: TextFieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : '';
  const errorId = props.error ? `${props.id}-error` : '';
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <div class="field-row">
        <input
          id={props.id}
          ref={props.inputRef}
          // Preact types each input type separately; these three take the same attributes here.
          type={(props.type ?? 'text') as 'text'}
          value={props.value}
          readOnly={props.readOnly}
          spellcheck={false}
          autocomplete={props.autocomplete ?? 'off'}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          onInput={(event) => props.onInput?.(event.currentTarget.value)}
        />
        {props.after}
      </div>
      <FieldError id={errorId} text={props.error} />
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
