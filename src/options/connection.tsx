import { errorText } from '../wording/errors';
import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { Notice } from '../ui/notice';
import { endpointOrigin, maskedKey } from './model';
import { Section } from './section';
import type { KeyState } from './use-key';
import type { FormParts, Status } from './use-settings-form';

/**
 * The stored key (masked, with replace and remove) or the field to type a new one in. While the
 * endpoint typed below is on another origin than the saved one, the saved key cannot go with it:
 * the field to type the key for the new endpoint shows instead.
 */
function KeyField({
  keyState,
  managed,
  movingTo,
  savedOrigin,
  onStatus,
}: {
  keyState: KeyState;
  /** The key comes from the organisation's policy: shown masked, neither replaced nor removed. */
  managed: boolean;
  /** The origin of the typed endpoint when it is not the saved one's. */
  movingTo: string | null;
  savedOrigin: string | null;
  onStatus(status: Status): void;
}) {
  const key = keyState.status;
  if (managed) {
    return (
      <TextField
        id="api-key"
        label={t('optionsKeyLabel')}
        value={maskedKey(key?.hint ?? null)}
        readOnly
        error={
          key?.rejected
            ? t('optionsKeyRefusedStatus', errorText({ kind: key.rejected, message: '' }))
            : null
        }
        hint={t('optionsKeyManaged', key?.hint ?? '')}
      />
    );
  }
  if (key?.present && !keyState.replacing && !movingTo) {
    const refused = key.rejected
      ? t('optionsKeyRefusedStatus', errorText({ kind: key.rejected, message: '' }))
      : null;
    return (
      <TextField
        id="api-key"
        label={t('optionsKeyLabel')}
        value={maskedKey(key.hint)}
        readOnly
        error={refused}
        hint={t('optionsKeySaved', key.hint ?? '')}
        after={
          <>
            <button
              type="button"
              onClick={() => {
                keyState.replace();
                onStatus(null);
              }}
            >
              {t('optionsKeyReplace')}
            </button>
            <button
              type="button"
              class="danger"
              onClick={() =>
                void keyState
                  .remove()
                  .then((failed) =>
                    onStatus(
                      failed
                        ? { tone: 'error', text: failed }
                        : { tone: 'info', text: t('optionsKeyRemoved') },
                    ),
                  )
              }
            >
              {t('optionsKeyRemove')}
            </button>
          </>
        }
      />
    );
  }
  return (
    <TextField
      id="api-key"
      label={t('optionsKeyLabel')}
      type="password"
      autocomplete="off"
      inputRef={keyState.input}
      value={keyState.typed}
      error={keyState.error}
      hint={
        key?.savedFor && savedOrigin
          ? `${t('problemKeyOtherOrigin', key.savedFor, savedOrigin)} ${t('optionsKeyHint')}`
          : key?.present
            ? t('optionsKeyHint')
            : // No key yet: say where Upscope keeps it, the one thing a first visit must find.
              `${t('optionsKeyNone')} ${t('optionsKeyHint')} ${t('optionsKeyWhere')}`
      }
      onInput={(value) => {
        keyState.type(value);
        onStatus(null);
      }}
      after={
        key?.present &&
        !movingTo && (
          <button type="button" onClick={keyState.keep}>
            {t('optionsKeyKeep')}
          </button>
        )
      }
    />
  );
}

/**
 * The API key and a test of it with the saved endpoint. While no key is saved the test has
 * nothing to test and is left out: the first visit shows the key field alone.
 */
export function ConnectionSection(props: {
  parts: FormParts;
  keyState: KeyState;
  keyManaged: boolean;
  /** The endpoint as saved: the one a test speaks to. */
  savedEndpoint: string;
  onStatus(status: Status): void;
}) {
  const { parts, keyState } = props;
  const { test } = keyState;
  const savedOrigin = endpointOrigin(props.savedEndpoint);
  const typedOrigin = endpointOrigin(parts.form.apiBaseUrl);
  const movingTo = typedOrigin && typedOrigin !== savedOrigin ? typedOrigin : null;
  return (
    <Section id="connection-title" title={t('optionsConnectionTitle')}>
      <KeyField
        keyState={keyState}
        managed={props.keyManaged}
        movingTo={movingTo}
        savedOrigin={savedOrigin}
        onStatus={props.onStatus}
      />
      {keyState.status?.present && (
        <div class="test-row">
          <button
            type="button"
            disabled={keyState.testing}
            aria-describedby={test ? 'test-result' : undefined}
            onClick={() => void keyState.testConnection(props.savedEndpoint)}
          >
            {keyState.testing ? t('optionsTesting') : t('optionsTestConnection')}
          </button>
          <div id="test-result" class="test-result" role="status">
            {test && <Notice inline tone={test.ok ? 'ok' : 'error'} text={test.text} />}
          </div>
        </div>
      )}
    </Section>
  );
}
