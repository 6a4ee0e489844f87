import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { HELPDESK_IDS, type HelpdeskId } from '../shared/helpdesks';
import type { Settings } from '../shared/settings';
import { errorText } from '../wording/errors';
import { FieldError } from '../ui/field';
import { t } from '../wording/i18n';
import { send } from '../shared/page-send';
import { parseOrigin, type CustomDomain } from './model';
import { ManagedNote } from './managed';
import { requestOrigins, Section } from './section';

/** Self-hosted or host-mapped helpdesks: listed, added (with their permission) and removed. */
export function CustomDomainsSection(props: {
  saved: Settings;
  /** The organisation's policy decides the list: shown, neither added to nor removed from. */
  locked: boolean;
  onSaved(settings: Settings): void;
}) {
  const { saved } = props;
  const [text, setText] = useState('');
  const [type, setType] = useState<HelpdeskId>('zendesk');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  /** Origins of the organisation's domains the browser may not read yet: the agent allows each. */
  const [ungranted, setUngranted] = useState<string[]>([]);

  useEffect(() => {
    if (!props.locked) return;
    void Promise.all(
      saved.customDomains.map(async ({ origin }) =>
        (await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false))
          ? null
          : origin,
      ),
    ).then((origins) => setUngranted(origins.filter((o): o is string => o !== null)));
  }, [props.locked, saved.customDomains]);

  /** A policy cannot grant a host permission: the agent allows it once, in this click. */
  function allow(origin: string) {
    setStatus('');
    void requestOrigins(`${origin}/*`).then((granted) => {
      if (!granted) {
        setError(t('optionsCustomNotAllowed', origin));
        return;
      }
      setError(null);
      setUngranted((list) => list.filter((o) => o !== origin));
      setStatus(t('optionsCustomAllowed', origin));
    });
  }

  function add(event: Event) {
    event.preventDefault();
    setStatus('');
    const check = parseOrigin(text, saved.customDomains);
    if ('error' in check) {
      const origin = parseOrigin(text, []);
      setError(t(check.error, 'origin' in origin ? origin.origin : text.trim()));
      input.current?.focus();
      return;
    }
    setError(null);
    // Asked in the click, before any await: the browser only prompts during a user gesture.
    const granted = requestOrigins(`${check.origin}/*`);
    void finishAdd(granted, { origin: check.origin, helpdesk: type });
  }

  async function finishAdd(granted: Promise<boolean>, domain: CustomDomain) {
    if (!(await granted)) {
      setError(t('optionsCustomDenied', domain.origin));
      return;
    }
    const customDomains = [...saved.customDomains, domain];
    const reply = await send({ type: 'settings/save', patch: { customDomains } });
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    props.onSaved(reply.data.settings);
    setText('');
    setStatus(t('optionsCustomAdded', domain.origin));
  }

  async function remove(domain: CustomDomain) {
    const customDomains = saved.customDomains.filter((d) => d.origin !== domain.origin);
    const reply = await send({ type: 'settings/save', patch: { customDomains } });
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    props.onSaved(reply.data.settings);
    setError(null);
    setStatus(t('optionsCustomRemoved', domain.origin));
    input.current?.focus();
    // The permission goes too, unless the API endpoint lives on the same origin.
    if (new URL(reply.data.settings.apiBaseUrl).origin !== domain.origin) {
      void browser.permissions.remove({ origins: [`${domain.origin}/*`] }).catch(() => false);
    }
  }

  return (
    <Section id="custom-title" title={t('optionsCustomTitle')}>
      <p class="hint" id="custom-hint">
        {t('optionsCustomHint')}
      </p>
      <ManagedNote id="custom-managed" show={props.locked} />
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
                  {props.locked && ungranted.includes(domain.origin) && (
                    <button
                      type="button"
                      aria-label={t('optionsCustomAllowLabel', domain.origin)}
                      onClick={() => allow(domain.origin)}
                    >
                      {t('optionsCustomAllow')}
                    </button>
                  )}
                  {!props.locked && (
                    <button
                      type="button"
                      aria-label={t('optionsCustomRemoveLabel', domain.origin)}
                      onClick={() => void remove(domain)}
                    >
                      {t('optionsCustomRemove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!props.locked && (
        <form class="add-domain" noValidate onSubmit={add}>
          <div class="field grow">
            <label for="domain-origin">{t('optionsCustomOriginLabel')}</label>
            <input
              id="domain-origin"
              ref={input}
              type="url"
              placeholder="https://support.example.com"
              value={text}
              spellcheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'domain-error custom-hint' : 'custom-hint'}
              onInput={(event) => {
                setText(event.currentTarget.value);
                setError(null);
              }}
            />
          </div>
          <div class="field">
            <label for="domain-type">{t('optionsCustomTypeLabel')}</label>
            <select
              id="domain-type"
              value={type}
              onChange={(event) => setType(event.currentTarget.value as HelpdeskId)}
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
      )}
      <FieldError id="domain-error" text={error} />
      <p class="muted small" role="status">
        {status}
      </p>
    </Section>
  );
}
