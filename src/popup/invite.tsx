import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/page-send';
import { t } from '../wording/i18n';

/** The invite's text: the team's own from the settings, or the default in the agent's language. */
async function inviteText(): Promise<string> {
  const reply = await send({ type: 'settings/get' });
  return (reply.ok && reply.data.settings.inviteText) || t('inviteTextDefault');
}

/**
 * "Copy an invite": a short message for the reply to a customer who is not on the website,
 * asking them to open it. The text is read on the click (a moment, well within the time the
 * clipboard takes a write after a click), so showing a card asks the worker for nothing.
 */
export function CopyInvite() {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (done !== 'copied') return;
    const timer = setTimeout(() => setDone(null), 2_500);
    return () => clearTimeout(timer);
  }, [done]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(await inviteText());
      setDone('copied');
    } catch {
      setDone('failed');
    }
  }

  return (
    <>
      <button type="button" data-testid="copy-invite" onClick={() => void copy()}>
        {/* The words change in place; the live region says it for a screen reader. */}
        <span aria-live="polite">
          {done === 'copied' ? (
            <>
              <span aria-hidden="true">✓ </span>
              {t('inviteCopied')}
            </>
          ) : (
            t('inviteCopy')
          )}
        </span>
      </button>
      {done === 'failed' && <p class="why">{t('inviteCopyFailed')}</p>}
    </>
  );
}
