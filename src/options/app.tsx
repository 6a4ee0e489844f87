import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../wording/errors';
import { t } from '../wording/i18n';
import { send, type ErrorInfo, type KeyCheck, type Usage } from '../shared/page-send';
import { Notice } from '../ui/notice';
import { AgentSection } from './agent';
import { ConnectionSection } from './connection';
import { CustomDomainsSection } from './custom-domains';
import { EndpointSection } from './endpoint';
import { HelpdesksSection } from './helpdesks';
import {
  endpointOrigin,
  endpointPermission,
  FIELD_ORDER,
  isDirty,
  toPatch,
  validate,
  type Field,
} from './model';
import { pauseEnd, settingsErrorText } from './pause';
import { PresenceSection } from './presence';
import { requestOrigins } from './section';
import { SessionsSection } from './sessions';
import { ShortcutsSection } from './shortcuts';
import { ToolbarSection } from './toolbar-opens';
import { UsageSection } from './usage';
import { useKey } from './use-key';
import { FIELD_IDS, useSettingsForm } from './use-settings-form';

/** The settings page: loads the settings and the key, saves the form, and lays out its sections. */
export function Options() {
  const [loadError, setLoadError] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const [usage, setUsage] = useState<Usage | null>(null);
  /** Until when Upscope asked for a pause, when that is why there is no usage to show. */
  const [pausedUntil, setPausedUntil] = useState<string | null>(null);
  /**
   * Whether everything beyond the key and the agent shows. Folded on the first visit (no key
   * saved yet: the page asks only for what co-browsing needs), open on every visit after.
   */
  const [more, setMore] = useState(false);
  const settings = useSettingsForm();
  const key = useKey(setUsage);
  const { saved, parts, status, setStatus, managed } = settings;

  async function load() {
    const reply = await send({ type: 'settings/get' });
    if (!reply.ok) {
      setLoadError(reply.error);
      return;
    }
    setLoadError(null);
    settings.stored(reply.data.settings, reply.data.managed);
    key.loaded(reply.data.key);
    setMore(reply.data.key.present);
    // The team's usage comes with a working key: ask once, quietly.
    if (reply.data.key.present && !reply.data.key.rejected) {
      // During Upscope's pause the worker answers without calling: the page says until when.
      const usageReply = await send({ type: 'connection/test' });
      if (usageReply.ok) setUsage(usageReply.data.usage);
      else setPausedUntil(pauseEnd(usageReply.error));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  if (!parts || !saved) {
    return (
      <main class="page">
        <h1>{t('optionsTitle')}</h1>
        {loadError ? (
          <Notice tone="error" text={errorText(loadError)} alert onRetry={() => void load()} />
        ) : (
          <p class="muted" role="status">
            {t('optionsLoading')}
          </p>
        )}
      </main>
    );
  }

  const form = parts.form;
  const dirty = isDirty(form, saved) || key.typed.trim() !== '';

  function onSubmit(event: Event) {
    event.preventDefault();
    const found = validate(form);
    settings.setErrors(found);
    settings.setDeniedOrigin(null);
    key.setError(null);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      setStatus({ tone: 'error', text: t('optionsNotSaved') });
      showField(first);
      return;
    }
    // Asked here, in the click, before any await: the browser only prompts during a user gesture.
    const pattern = endpointPermission(form.apiBaseUrl);
    const granted = requestOrigins(pattern);
    void save(granted, pattern);
  }

  /** Focuses a field that needs the agent, unfolding "More settings" first when it is in there. */
  function showField(field: Field) {
    const focus = () => document.getElementById(FIELD_IDS[field])?.focus();
    if (more || field === 'agentName' || field === 'agentId') {
      focus();
      return;
    }
    setMore(true);
    requestAnimationFrame(focus);
  }

  async function save(granted: Promise<boolean>, pattern: string | null) {
    setSaving(true);
    setStatus(null);
    try {
      if (!(await granted)) {
        settings.setDeniedOrigin(pattern!.replace(/\/\*$/, ''));
        setStatus({ tone: 'error', text: t('optionsNotSaved') });
        showField('apiBaseUrl');
        return;
      }
      const typedKey = key.typed.trim();
      const savedOrigin = endpointOrigin(saved!.apiBaseUrl);
      const origin = endpointOrigin(form.apiBaseUrl);
      if (origin !== savedOrigin) {
        await saveMovingEndpoint(typedKey, savedOrigin, origin);
        return;
      }
      const reply = await send({ type: 'settings/save', patch: toPatch(form) });
      if (!reply.ok) {
        setStatus({ tone: 'error', text: errorText(reply.error) });
        return;
      }
      settings.stored(reply.data.settings, reply.data.managed);
      if (!typedKey) {
        setStatus({ tone: 'ok', text: t('optionsSaved') });
        return;
      }
      const keyReply = await send({ type: 'key/save', apiKey: typedKey });
      if (!keyReply.ok) {
        keyRefused(errorText(keyReply.error));
        return;
      }
      showKeyCheck(keyReply.data);
    } finally {
      setSaving(false);
    }
  }

  /**
   * The endpoint moves to another origin: the saved key stays behind (the worker removes it), so
   * the key typed in the same form goes with the save and is checked against the new endpoint.
   */
  async function saveMovingEndpoint(
    typedKey: string,
    savedOrigin: string | null,
    origin: string | null,
  ) {
    const hadKey = key.status?.present === true;
    const reply = await send({
      type: 'settings/save',
      patch: toPatch(form),
      ...(typedKey ? { apiKey: typedKey } : {}),
    });
    if (!reply.ok) {
      if (typedKey) keyRefused(errorText(reply.error));
      else setStatus({ tone: 'error', text: errorText(reply.error) });
      return;
    }
    settings.stored(reply.data.settings, reply.data.managed);
    if (reply.data.keyCheck) {
      showKeyCheck(reply.data.keyCheck);
      return;
    }
    key.loaded(reply.data.key);
    setUsage(null);
    setStatus(
      hadKey && savedOrigin && origin
        ? { tone: 'info', text: t('optionsSavedKeyRemoved', savedOrigin, origin) }
        : { tone: 'ok', text: t('optionsSaved') },
    );
  }

  function keyRefused(reason: string) {
    const text = t('optionsKeyNotSaved', reason);
    key.setError(text);
    setStatus({ tone: 'error', text });
    key.input.current?.focus();
  }

  function showKeyCheck(check: KeyCheck) {
    key.stored(check.key, check.outcome === 'valid');
    // The first key is in: the rest of the settings (and the usage that came with the key) unfold.
    setMore(true);
    if (check.outcome === 'valid') {
      setUsage(check.usage);
      setPausedUntil(null);
      setStatus({ tone: 'ok', text: t('optionsSavedKeyValid') });
    } else {
      setStatus({ tone: 'info', text: t('optionsKeyUnverified', settingsErrorText(check.error)) });
    }
  }

  return (
    <main class="page">
      <header class="page-head">
        <h1>
          <img src="/icons/icon-32.png" alt="" width={24} height={24} />
          {t('optionsTitle')}
        </h1>
        <p class="muted">{t('optionsIntro')}</p>
        {(managed.fields.length > 0 || managed.key) && (
          <Notice tone="info" text={t('optionsManagedNotice')} />
        )}
      </header>

      <form class="settings" noValidate onSubmit={onSubmit}>
        <ConnectionSection
          parts={parts}
          keyState={key}
          keyManaged={managed.key}
          savedEndpoint={saved.apiBaseUrl}
          onStatus={setStatus}
        />
        <AgentSection parts={parts} fromHelpdesk={managed.agentIdentitySource === 'helpdesk'} />

        {/* A disclosure (button + aria-expanded) rather than <details>: what it folds lies on
            both sides of the save bar, and the custom domains are a form of their own. */}
        <div class="more">
          <h2 id="more-title">
            <button
              type="button"
              class="disclosure"
              aria-expanded={more}
              aria-controls="more-settings more-page"
              aria-describedby="more-hint"
              onClick={() => setMore(!more)}
            >
              {t('optionsMoreSettings')}
            </button>
          </h2>
          <p id="more-hint" class="hint">
            {t('optionsMoreSettingsHint')}
          </p>
        </div>
        <div id="more-settings" class="settings" hidden={!more}>
          <EndpointSection parts={parts} keyState={key} savedEndpoint={saved.apiBaseUrl} />
          <SessionsSection parts={parts} />
          <ToolbarSection parts={parts} />
          <PresenceSection parts={parts} />
          <HelpdesksSection parts={parts} />
        </div>

        <div class="save-bar">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? t('optionsSaving') : t('optionsSave')}
          </button>
          <div class="save-status" role="status">
            {status ? (
              <Notice inline tone={status.tone} text={status.text} />
            ) : (
              dirty && <p class="muted">{t('optionsUnsaved')}</p>
            )}
          </div>
        </div>
      </form>

      <div id="more-page" class="settings" hidden={!more}>
        <CustomDomainsSection
          saved={saved}
          locked={parts.locked('customDomains')}
          onSaved={settings.setSaved}
        />
        <UsageSection usage={usage} pausedUntil={pausedUntil} />
        <ShortcutsSection toolbarOpens={saved.toolbarOpens} />
      </div>
    </main>
  );
}
