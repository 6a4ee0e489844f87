import { useEffect, useRef } from 'preact/hooks';
import type { ErrorInfo } from '../shared/page-send';
import { Notice } from '../ui/notice';
import { errorText } from '../wording/errors';
import { t } from '../wording/i18n';

/** A question before something that cannot be undone: `<id>-confirm`, with its own words. */
export function Confirm(props: {
  id: string;
  question: string;
  explain: string;
  confirm: string;
  busy: boolean;
  error: ErrorInfo | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe choice takes focus: Enter right after opening must not do it.
  useEffect(() => cancel.current?.focus(), []);
  const { id } = props;
  return (
    <div
      id={`${id}-confirm`}
      class="confirm"
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-explain`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <p id={`${id}-question`} class="question">
        {props.question}
      </p>
      <p id={`${id}-explain`} class="muted">
        {props.explain}
      </p>
      <div class="row">
        <button type="button" class="danger" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" ref={cancel} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
      {props.error && <Notice tone="error" alert inline text={errorText(props.error)} />}
    </div>
  );
}
