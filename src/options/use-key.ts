import { useRef, useState } from 'preact/hooks';
import { errorText } from '../wording/errors';
import { t } from '../wording/i18n';
import { send, type KeyStatus, type Usage } from '../shared/page-send';
import { pauseEnd } from './pause';

export type TestResult = { ok: boolean; text: string } | null;

/**
 * The API key as the page shows it: the worker's status of the stored key, whether the agent is
 * typing a new one, what they typed, and the last connection test.
 */
export function useKey(onUsage: (usage: Usage | null) => void) {
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<TestResult>(null);
  const input = useRef<HTMLInputElement>(null);

  return {
    status,
    replacing,
    typed,
    error,
    setError,
    testing,
    test,
    input,
    /** The key as loaded: without one, the field to type it in shows at once. */
    loaded(key: KeyStatus) {
      setStatus(key);
      setReplacing(!key.present);
    },
    /** The typed key was stored; `checked` when the API took it (the old test result is stale). */
    stored(key: KeyStatus, checked: boolean) {
      setStatus(key);
      setTyped('');
      setReplacing(false);
      if (checked) setTest(null);
    },
    type(value: string) {
      setTyped(value);
      setError(null);
    },
    replace() {
      setReplacing(true);
      requestAnimationFrame(() => input.current?.focus());
    },
    keep() {
      setReplacing(false);
      setTyped('');
      setError(null);
    },
    /** Asks the API with the saved key and endpoint; `endpoint` words the success. */
    async testConnection(endpoint: string) {
      setTesting(true);
      setTest(null);
      const reply = await send({ type: 'connection/test' });
      setTesting(false);
      if (reply.ok) {
        setStatus(reply.data.key);
        onUsage(reply.data.usage);
        setTest({ ok: true, text: t('optionsTestOk', endpoint) });
      } else {
        // During Upscope's pause nothing was sent: say until when, not that the connection failed.
        const end = pauseEnd(reply.error);
        setTest({
          ok: false,
          text: end ? t('optionsPausedUntil', end) : t('optionsTestFailed', errorText(reply.error)),
        });
        // A refused key is marked as such by the worker: show it next to the key.
        const fresh = await send({ type: 'settings/get' });
        if (fresh.ok) setStatus(fresh.data.key);
      }
    },
    /** Removes the stored key; the error's text when the worker could not. */
    async remove(): Promise<string | null> {
      const reply = await send({ type: 'key/clear' });
      if (!reply.ok) return errorText(reply.error);
      setStatus(reply.data);
      onUsage(null);
      setTest(null);
      setReplacing(true);
      setTyped('');
      input.current?.focus();
      return null;
    },
  };
}

export type KeyState = ReturnType<typeof useKey>;
