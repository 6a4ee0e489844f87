import { DEFAULT_API_BASE_URL, normalEndpoint } from '../shared/endpoint';
import { errorText } from '../wording/errors';
import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { Notice } from '../ui/notice';
import { endpointOrigin, foreignEndpointHost, maskedKey } from './model';
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
            : `${t('optionsKeyNone')} ${t('optionsKeyHint')}`
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

/** The API key, the endpoint it is sent to, and a test of both. */
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
  const foreignHost = foreignEndpointHost(parts.form.apiBaseUrl);
  const endpointLocked = parts.locked('apiBaseUrl');
  return (
    <Section id="connection-title" title={t('optionsConnectionTitle')}>
      <KeyField
        keyState={keyState}
        managed={props.keyManaged}
        movingTo={movingTo}
        savedOrigin={savedOrigin}
        onStatus={props.onStatus}
      />

      <TextField
        id="api-endpoint"
        label={t('optionsEndpointLabel')}
        type="url"
        value={parts.form.apiBaseUrl}
        readOnly={endpointLocked}
        error={parts.error('apiBaseUrl')}
        hint={
          <>
            {endpointLocked && <strong>{t('optionsManagedBy')}. </strong>}
            {foreignHost && (
              <strong class="endpoint-warning">
                {t('optionsEndpointForeignHost', foreignHost)}{' '}
              </strong>
            )}
            {movingTo && keyState.status?.present && savedOrigin && (
              <strong class="endpoint-warning">
                {t('optionsEndpointKeyMoves', savedOrigin, movingTo)}{' '}
              </strong>
            )}
            {t('optionsEndpointHint', DEFAULT_API_BASE_URL)}
          </>
        }
        onInput={(value) => {
          parts.update({ apiBaseUrl: value });
          parts.clear('apiBaseUrl');
        }}
        after={
          !endpointLocked &&
          normalEndpoint(parts.form.apiBaseUrl) !== DEFAULT_API_BASE_URL && (
            <button
              type="button"
              onClick={() => {
                parts.update({ apiBaseUrl: DEFAULT_API_BASE_URL });
                parts.clear('apiBaseUrl');
              }}
            >
              {t('optionsEndpointDefault')}
            </button>
          )
        }
      />

      <div class="test-row">
        <button
          type="button"
          disabled={keyState.testing || !keyState.status?.present}
          aria-describedby={test ? 'test-result' : undefined}
          onClick={() => void keyState.testConnection(props.savedEndpoint)}
        >
          {keyState.testing ? t('optionsTesting') : t('optionsTestConnection')}
        </button>
        <div id="test-result" class="test-result" role="status">
          {test && <Notice inline tone={test.ok ? 'ok' : 'error'} text={test.text} />}
        </div>
      </div>
    </Section>
  );
}
