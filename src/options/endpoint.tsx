import { DEFAULT_API_BASE_URL, endpointSuggestion, normalEndpoint } from '../shared/endpoint';
import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { endpointOrigin, foreignEndpointHost } from './model';
import { Section } from './section';
import type { KeyState } from './use-key';
import type { FormParts } from './use-settings-form';
import { FIELD_IDS } from './use-settings-form';

/**
 * Where the API is: Upscope's own endpoint unless the team uses UserView or an on-premise
 * server. A refused address comes with the one it most likely meant, put in with one click.
 */
export function EndpointSection(props: {
  parts: FormParts;
  keyState: KeyState;
  /** The endpoint as saved: the origin the saved key belongs to. */
  savedEndpoint: string;
}) {
  const { parts, keyState } = props;
  const savedOrigin = endpointOrigin(props.savedEndpoint);
  const typedOrigin = endpointOrigin(parts.form.apiBaseUrl);
  const movingTo = typedOrigin && typedOrigin !== savedOrigin ? typedOrigin : null;
  const foreignHost = foreignEndpointHost(parts.form.apiBaseUrl);
  const locked = parts.locked('apiBaseUrl');
  const error = parts.error('apiBaseUrl');
  // Offered with the error only: while the agent is still typing, every prefix is "wrong".
  const suggestion = !locked && error ? endpointSuggestion(parts.form.apiBaseUrl) : null;

  function use(endpoint: string) {
    parts.update({ apiBaseUrl: endpoint });
    parts.clear('apiBaseUrl');
    // The button goes away with the error: focus stays on the field it mended.
    document.getElementById(FIELD_IDS.apiBaseUrl)?.focus();
  }

  return (
    <Section id="endpoint-title" title={t('optionsEndpointTitle')}>
      <TextField
        id={FIELD_IDS.apiBaseUrl}
        label={t('optionsEndpointLabel')}
        type="url"
        value={parts.form.apiBaseUrl}
        readOnly={locked}
        error={error}
        hint={
          <>
            {locked && <strong>{t('optionsManagedBy')}. </strong>}
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
          !locked && (
            <>
              {suggestion && (
                <button type="button" onClick={() => use(suggestion)}>
                  {t('optionsEndpointUse', suggestion)}
                </button>
              )}
              {normalEndpoint(parts.form.apiBaseUrl) !== DEFAULT_API_BASE_URL &&
                suggestion !== DEFAULT_API_BASE_URL && (
                  <button type="button" onClick={() => use(DEFAULT_API_BASE_URL)}>
                    {t('optionsEndpointDefault')}
                  </button>
                )}
            </>
          )
        }
      />
    </Section>
  );
}
