import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { HELPDESK_IDS, type HelpdeskId } from '../shared/helpdesks';
import { DEFAULT_API_BASE_URL, type Settings } from '../shared/settings';
import { errorText } from '../wording/errors';
import { HELPDESK_NAMES } from '../ui/helpdesk-names';
import { t } from '../wording/i18n';
import { send, type ErrorInfo, type KeyStatus, type Usage } from '../shared/page-send';
import {
  endpointPermission,
  FIELD_ORDER,
  formOf,
  freshnessChoices,
  isDirty,
  maskedKey,
  normalEndpoint,
  parseOrigin,
  toPatch,
  toggleHelpdesk,
  validate,
  type CustomDomain,
  type Field,
  type FieldErrors,
  type Form,
} from './model';
import { UsageTable } from './usage';
import { Shortcuts } from './shortcuts';

type Status = { tone: 'ok' | 'error' | 'info'; text: string } | null;
type TestResult = { ok: true; text: string } | { ok: false; text: string } | null;

const FIELD_IDS: Record<Field, string> = {
  apiBaseUrl: 'api-endpoint',
  agentName: 'agent-name',
  agentId: 'agent-id',
  retryUrl: 'retry-url',
};

/** Asks for a host permission. Call it straight from a click: browsers only prompt during one. */
function requestOrigins(pattern: string | null): Promise<boolean> {
  if (!pattern) return Promise.resolve(true);
  try {
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

function FieldError({ id, text }: { id: string; text: string | null }) {
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

function TextField(props: {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error: string | null;
  value: string;
  type?: 'text' | 'url' | 'password';
  autocomplete?: string;
  readOnly?: boolean;
  inputRef?: preact.Ref<HTMLInputElement>;
  onInput?(value: string): void;
  after?: ComponentChildren;
}) {
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

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function freshnessLabel(seconds: number): string {
  if (seconds === 60) return t('optionsOneMinute');
  if (seconds === 3600) return t('optionsOneHour');
  if (seconds % 60 === 0) return t('optionsMinutes', seconds / 60);
  return t('optionsSeconds', seconds);
}

export function Options() {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<ErrorInfo | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [key, setKey] = useState<KeyStatus | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [newKey, setNewKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [deniedOrigin, setDeniedOrigin] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<TestResult>(null);
  const [usage, setUsage] = useState<Usage | null>(null);
  const [domainText, setDomainText] = useState('');
  const [domainType, setDomainType] = useState<HelpdeskId>('zendesk');
  const [domainError, setDomainError] = useState<string | null>(null);
  const [domainStatus, setDomainStatus] = useState('');
  const keyInput = useRef<HTMLInputElement>(null);
  const domainInput = useRef<HTMLInputElement>(null);

  async function load() {
    const reply = await send({ type: 'settings/get' });
    if (!reply.ok) {
      setLoadError(reply.error);
      return;
    }
    setLoadError(null);
    setSaved(reply.data.settings);
    setForm(formOf(reply.data.settings));
    setKey(reply.data.key);
    setReplacing(!reply.data.key.present);
    // The team's usage comes with a working key: ask once, quietly.
    if (reply.data.key.present && !reply.data.key.rejected) {
      const usageReply = await send({ type: 'connection/test' });
      if (usageReply.ok) setUsage(usageReply.data.usage);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  if (!form || !saved) {
    return (
      <main class="page">
        <h1>{t('optionsTitle')}</h1>
        {loadError ? (
          <div class="notice error" role="alert">
            <span class="icon" aria-hidden="true">
              !
            </span>
            <div class="body">
              <p>{errorText(loadError)}</p>
              <div class="actions">
                <button type="button" onClick={() => void load()}>
                  {t('tryAgain')}
                </button>
              </div>
            </div>
          </div>
        ) : (
          <p class="muted" role="status">
            {t('optionsLoading')}
          </p>
        )}
      </main>
    );
  }

  const current = form;
  const update = (patch: Partial<Form>) => {
    setForm({ ...current, ...patch });
    setStatus(null);
  };
  const fieldError = (field: Field): string | null => {
    if (field === 'apiBaseUrl' && deniedOrigin) return t('optionsEndpointDenied', deniedOrigin);
    const message = errors[field];
    return message ? t(message) : null;
  };
  const dirty = isDirty(current, saved) || newKey.trim() !== '';

  function onSubmit(event: Event) {
    event.preventDefault();
    const found = validate(current);
    setErrors(found);
    setDeniedOrigin(null);
    setKeyError(null);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      setStatus({ tone: 'error', text: t('optionsNotSaved') });
      document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    // Asked here, in the click, before any await: the browser only prompts during a user gesture.
    const pattern = endpointPermission(current.apiBaseUrl);
    const granted = requestOrigins(pattern);
    void save(granted, pattern);
  }

  async function save(granted: Promise<boolean>, pattern: string | null) {
    setSaving(true);
    setStatus(null);
    try {
      if (!(await granted)) {
        setDeniedOrigin(pattern!.replace(/\/\*$/, ''));
        setStatus({ tone: 'error', text: t('optionsNotSaved') });
        document.getElementById(FIELD_IDS.apiBaseUrl)?.focus();
        return;
      }
      const reply = await send({ type: 'settings/save', patch: toPatch(current) });
      if (!reply.ok) {
        setStatus({ tone: 'error', text: errorText(reply.error) });
        return;
      }
      setSaved(reply.data);
      setForm(formOf(reply.data));
      const typedKey = newKey.trim();
      if (!typedKey) {
        setStatus({ tone: 'ok', text: t('optionsSaved') });
        return;
      }
      const keyReply = await send({ type: 'key/save', apiKey: typedKey });
      if (!keyReply.ok) {
        setKeyError(t('optionsKeyNotSaved', errorText(keyReply.error)));
        setStatus({ tone: 'error', text: t('optionsKeyNotSaved', errorText(keyReply.error)) });
        keyInput.current?.focus();
        return;
      }
      setKey(keyReply.data.key);
      setNewKey('');
      setReplacing(false);
      if (keyReply.data.outcome === 'valid') {
        setUsage(keyReply.data.usage);
        setTest(null);
        setStatus({ tone: 'ok', text: t('optionsSavedKeyValid') });
      } else {
        setStatus({
          tone: 'info',
          text: t('optionsKeyUnverified', errorText(keyReply.data.error)),
        });
      }
    } finally {
      setSaving(false);
    }
  }

  async function testConnection() {
    setTesting(true);
    setTest(null);
    const reply = await send({ type: 'connection/test' });
    setTesting(false);
    if (reply.ok) {
      setKey(reply.data.key);
      setUsage(reply.data.usage);
      setTest({ ok: true, text: t('optionsTestOk', saved!.apiBaseUrl) });
    } else {
      setTest({ ok: false, text: t('optionsTestFailed', errorText(reply.error)) });
      // A refused key is marked as such by the worker: show it next to the key.
      const fresh = await send({ type: 'settings/get' });
      if (fresh.ok) setKey(fresh.data.key);
    }
  }

  async function removeKey() {
    const reply = await send({ type: 'key/clear' });
    if (!reply.ok) {
      setStatus({ tone: 'error', text: errorText(reply.error) });
      return;
    }
    setKey(reply.data);
    setUsage(null);
    setTest(null);
    setReplacing(true);
    setNewKey('');
    setStatus({ tone: 'info', text: t('optionsKeyRemoved') });
    keyInput.current?.focus();
  }

  function addDomain(event: Event) {
    event.preventDefault();
    setDomainStatus('');
    const check = parseOrigin(domainText, saved!.customDomains);
    if ('error' in check) {
      const origin = parseOrigin(domainText, []);
      setDomainError(t(check.error, 'origin' in origin ? origin.origin : domainText.trim()));
      domainInput.current?.focus();
      return;
    }
    setDomainError(null);
    // Asked in the click, before any await (see onSubmit).
    const granted = requestOrigins(`${check.origin}/*`);
    void finishAdd(granted, { origin: check.origin, helpdesk: domainType });
  }

  async function finishAdd(granted: Promise<boolean>, domain: CustomDomain) {
    if (!(await granted)) {
      setDomainError(t('optionsCustomDenied', domain.origin));
      return;
    }
    const customDomains = [...saved!.customDomains, domain];
    const reply = await send({ type: 'settings/save', patch: { customDomains } });
    if (!reply.ok) {
      setDomainError(errorText(reply.error));
      return;
    }
    setSaved(reply.data);
    setDomainText('');
    setDomainStatus(t('optionsCustomAdded', domain.origin));
  }

  async function removeDomain(domain: CustomDomain) {
    const customDomains = saved!.customDomains.filter((d) => d.origin !== domain.origin);
    const reply = await send({ type: 'settings/save', patch: { customDomains } });
    if (!reply.ok) {
      setDomainError(errorText(reply.error));
      return;
    }
    setSaved(reply.data);
    setDomainError(null);
    setDomainStatus(t('optionsCustomRemoved', domain.origin));
    domainInput.current?.focus();
    // The permission goes too, unless the API endpoint lives on the same origin.
    if (new URL(reply.data.apiBaseUrl).origin !== domain.origin) {
      void browser.permissions.remove({ origins: [`${domain.origin}/*`] }).catch(() => false);
    }
  }

  const keyRefused =
    key?.present && key.rejected
      ? t('optionsKeyRefusedStatus', errorText({ kind: key.rejected, message: '' }))
      : null;

  return (
    <main class="page">
      <header class="page-head">
        <h1>
          <img src="/icons/icon-32.png" alt="" width={24} height={24} />
          {t('optionsTitle')}
        </h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>

      <form class="settings" noValidate onSubmit={onSubmit}>
        <Section id="connection-title" title={t('optionsConnectionTitle')}>
          {key?.present && !replacing ? (
            <TextField
              id="api-key"
              label={t('optionsKeyLabel')}
              value={maskedKey(key.hint)}
              readOnly
              error={keyRefused}
              hint={t('optionsKeySaved', key.hint ?? '')}
              after={
                <>
                  <button
                    type="button"
                    onClick={() => {
                      setReplacing(true);
                      setStatus(null);
                      requestAnimationFrame(() => keyInput.current?.focus());
                    }}
                  >
                    {t('optionsKeyReplace')}
                  </button>
                  <button type="button" class="danger" onClick={() => void removeKey()}>
                    {t('optionsKeyRemove')}
                  </button>
                </>
              }
            />
          ) : (
            <TextField
              id="api-key"
              label={t('optionsKeyLabel')}
              type="password"
              autocomplete="off"
              inputRef={keyInput}
              value={newKey}
              error={keyError}
              hint={
                key?.present ? t('optionsKeyHint') : `${t('optionsKeyNone')} ${t('optionsKeyHint')}`
              }
              onInput={(value) => {
                setNewKey(value);
                setKeyError(null);
                setStatus(null);
              }}
              after={
                key?.present && (
                  <button
                    type="button"
                    onClick={() => {
                      setReplacing(false);
                      setNewKey('');
                      setKeyError(null);
                    }}
                  >
                    {t('optionsKeyKeep')}
                  </button>
                )
              }
            />
          )}

          <TextField
            id="api-endpoint"
            label={t('optionsEndpointLabel')}
            type="url"
            value={current.apiBaseUrl}
            error={fieldError('apiBaseUrl')}
            hint={t('optionsEndpointHint', DEFAULT_API_BASE_URL)}
            onInput={(value) => {
              update({ apiBaseUrl: value });
              setDeniedOrigin(null);
              if (errors.apiBaseUrl) setErrors({ ...errors, apiBaseUrl: undefined });
            }}
            after={
              normalEndpoint(current.apiBaseUrl) !== DEFAULT_API_BASE_URL && (
                <button
                  type="button"
                  onClick={() => {
                    update({ apiBaseUrl: DEFAULT_API_BASE_URL });
                    setDeniedOrigin(null);
                    setErrors({ ...errors, apiBaseUrl: undefined });
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
              disabled={testing || !key?.present}
              aria-describedby={test ? 'test-result' : undefined}
              onClick={() => void testConnection()}
            >
              {testing ? t('optionsTesting') : t('optionsTestConnection')}
            </button>
            <div id="test-result" class="test-result" role="status">
              {test && (
                <p class={`notice ${test.ok ? 'ok' : 'error'}`}>
                  <span class="icon" aria-hidden="true">
                    {test.ok ? '✓' : '!'}
                  </span>
                  <span class="body">{test.text}</span>
                </p>
              )}
            </div>
          </div>
        </Section>

        <Section id="agent-title" title={t('optionsAgentTitle')}>
          <div class="two">
            <TextField
              id="agent-name"
              label={t('optionsAgentNameLabel')}
              autocomplete="name"
              value={current.agentName}
              error={fieldError('agentName')}
              hint={t('optionsAgentNameHint')}
              onInput={(value) => {
                update({ agentName: value });
                if (errors.agentName) setErrors({ ...errors, agentName: undefined });
              }}
            />
            <TextField
              id="agent-id"
              label={t('optionsAgentIdLabel')}
              value={current.agentId}
              error={fieldError('agentId')}
              hint={t('optionsAgentIdHint')}
              onInput={(value) => {
                update({ agentId: value });
                if (errors.agentId) setErrors({ ...errors, agentId: undefined });
              }}
            />
          </div>
        </Section>

        <Section id="sessions-title" title={t('optionsSessionsTitle')}>
          <fieldset>
            <legend>{t('optionsOpenInLegend')}</legend>
            {(
              [
                ['tab', 'optionsOpenInTab'],
                ['window', 'optionsOpenInWindow'],
                ['current', 'optionsOpenInCurrent'],
              ] as const
            ).map(([value, label]) => (
              <label class="check" key={value}>
                <input
                  type="radio"
                  name="open-in"
                  value={value}
                  checked={current.openIn === value}
                  onChange={() => update({ openIn: value })}
                />
                {t(label)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('optionsBrandingLegend')}</legend>
            <label class="check">
              <input
                type="checkbox"
                checked={current.naked}
                onChange={(event) => update({ naked: event.currentTarget.checked })}
              />
              {t('optionsNaked')}
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={current.noBottomBar}
                onChange={(event) => update({ noBottomBar: event.currentTarget.checked })}
              />
              {t('optionsNoBottomBar')}
            </label>
            <TextField
              id="retry-url"
              label={t('optionsRetryUrlLabel')}
              type="url"
              value={current.retryUrl}
              error={fieldError('retryUrl')}
              hint={t('optionsRetryUrlHint')}
              onInput={(value) => {
                update({ retryUrl: value });
                if (errors.retryUrl) setErrors({ ...errors, retryUrl: undefined });
              }}
            />
          </fieldset>
        </Section>

        <Section id="presence-title" title={t('optionsPresenceTitle')}>
          <div class="field">
            <label for="freshness">{t('optionsFreshnessLabel')}</label>
            <select
              id="freshness"
              class="narrow"
              aria-describedby="freshness-hint"
              value={String(current.freshnessSeconds)}
              onChange={(event) => update({ freshnessSeconds: Number(event.currentTarget.value) })}
            >
              {freshnessChoices(current.freshnessSeconds).map((seconds) => (
                <option key={seconds} value={String(seconds)}>
                  {freshnessLabel(seconds)}
                </option>
              ))}
            </select>
            <p id="freshness-hint" class="hint">
              {t('optionsFreshnessHint')}
            </p>
          </div>
        </Section>

        <Section id="helpdesks-title" title={t('optionsHelpdesksTitle')}>
          <fieldset>
            <legend>{t('optionsHelpdesksLegend')}</legend>
            <div class="helpdesks">
              {HELPDESK_IDS.map((id) => (
                <label class="check" key={id}>
                  <input
                    type="checkbox"
                    checked={!current.disabledHelpdesks.includes(id)}
                    onChange={(event) =>
                      update({
                        disabledHelpdesks: toggleHelpdesk(
                          current.disabledHelpdesks,
                          id,
                          event.currentTarget.checked,
                        ),
                      })
                    }
                  />
                  {HELPDESK_NAMES[id]}
                </label>
              ))}
            </div>
          </fieldset>
        </Section>

        <div class="save-bar">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? t('optionsSaving') : t('optionsSave')}
          </button>
          <div class="save-status" role="status">
            {status ? (
              <p class={`notice ${status.tone}`}>
                <span class="icon" aria-hidden="true">
                  {status.tone === 'ok' ? '✓' : status.tone === 'error' ? '!' : 'i'}
                </span>
                <span class="body">{status.text}</span>
              </p>
            ) : (
              dirty && <p class="muted">{t('optionsUnsaved')}</p>
            )}
          </div>
        </div>
      </form>

      <Section id="custom-title" title={t('optionsCustomTitle')}>
        <p class="hint" id="custom-hint">
          {t('optionsCustomHint')}
        </p>
        {saved.customDomains.length === 0 ? (
          <p class="muted">{t('optionsCustomNone')}</p>
        ) : (
          <table class="domains">
            <thead>
              <tr>
                <th scope="col">{t('optionsCustomColumnAddress')}</th>
                <th scope="col">{t('optionsCustomColumnHelpdesk')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {saved.customDomains.map((domain) => (
                <tr key={domain.origin}>
                  <td class="origin">{domain.origin}</td>
                  <td>{HELPDESK_NAMES[domain.helpdesk]}</td>
                  <td class="actions-cell">
                    <button
                      type="button"
                      aria-label={t('optionsCustomRemoveLabel', domain.origin)}
                      onClick={() => void removeDomain(domain)}
                    >
                      {t('optionsCustomRemove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form class="add-domain" noValidate onSubmit={addDomain}>
          <div class="field grow">
            <label for="domain-origin">{t('optionsCustomOriginLabel')}</label>
            <input
              id="domain-origin"
              ref={domainInput}
              type="url"
              placeholder="https://support.example.com"
              value={domainText}
              spellcheck={false}
              aria-invalid={domainError ? true : undefined}
              aria-describedby={domainError ? 'domain-error custom-hint' : 'custom-hint'}
              onInput={(event) => {
                setDomainText(event.currentTarget.value);
                setDomainError(null);
              }}
            />
          </div>
          <div class="field">
            <label for="domain-type">{t('optionsCustomTypeLabel')}</label>
            <select
              id="domain-type"
              value={domainType}
              onChange={(event) => setDomainType(event.currentTarget.value as HelpdeskId)}
            >
              {HELPDESK_IDS.map((id) => (
                <option key={id} value={id}>
                  {HELPDESK_NAMES[id]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('optionsCustomAdd')}</button>
        </form>
        <FieldError id="domain-error" text={domainError} />
        <p class="muted small" role="status">
          {domainStatus}
        </p>
      </Section>

      <Section id="usage-title" title={t('optionsUsageTitle')}>
        <UsageTable usage={usage} />
      </Section>

      <Section id="shortcuts-title" title={t('optionsShortcutsTitle')}>
        <Shortcuts />
      </Section>
    </main>
  );
}
