import { t } from '../wording/i18n';

export type Tone = 'error' | 'warn' | 'info' | 'ok';

/** A word and an icon go with the colour, so colour is never the only signal. */
const ICONS: Record<Tone, string> = { error: '!', warn: '!', info: 'i', ok: '✓' };

export interface NoticeProps {
  tone: Tone;
  title?: string | undefined;
  text: string;
  /** Announced at once (role="alert"). Leave off inside a live region that speaks already. */
  alert?: boolean;
  /** One line of text and nothing else, set inline in a row or a live region. */
  inline?: boolean;
  onSettings?: (() => void) | undefined;
  onRetry?: (() => void) | undefined;
}

/** A problem, a warning or an outcome, with the ways out of it (settings, try again) when there are any. */
export function Notice(props: NoticeProps) {
  const role = props.alert ? 'alert' : undefined;
  const icon = (
    <span class="icon" aria-hidden="true">
      {ICONS[props.tone]}
    </span>
  );
  if (props.inline) {
    return (
      <p class={`notice ${props.tone}`} role={role}>
        {icon}
        <span class="body">{props.text}</span>
      </p>
    );
  }
  return (
    <div class={`notice ${props.tone}`} role={role}>
      {icon}
      <div class="body">
        {props.title && <p class="notice-title">{props.title}</p>}
        <p>{props.text}</p>
        {(props.onRetry || props.onSettings) && (
          <div class="actions">
            {props.onSettings && (
              <button type="button" onClick={props.onSettings}>
                {t('openSettings')}
              </button>
            )}
            {props.onRetry && (
              <button type="button" onClick={props.onRetry}>
                {t('tryAgain')}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
