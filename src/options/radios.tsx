import { t, type MessageKey } from '../wording/i18n';

/** One choice: the value the setting takes, and the words beside its button. */
export type RadioChoice<V> = readonly [value: V, label: MessageKey];

/**
 * A setting with a few exclusive choices, as radio buttons named `name` (the legend and any
 * managed note stay with the fieldset around them). Values may be booleans (Upscope's
 * `branding.naked`): each button's form value is its position, which nothing reads.
 */
export function Radios<V extends string | boolean>(props: {
  name: string;
  choices: readonly RadioChoice<V>[];
  value: V;
  onChange(value: V): void;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <>
      {props.choices.map(([value, label], index) => (
        <label class="check" key={String(value)}>
          <input
            type="radio"
            name={props.name}
            value={String(index)}
            checked={props.value === value}
            disabled={props.disabled}
            aria-describedby={props.describedBy}
            onChange={() => props.onChange(value)}
          />
          {t(label)}
        </label>
      ))}
    </>
  );
}
