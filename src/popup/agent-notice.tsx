import { useState } from 'preact/hooks';
import { HELPDESK_NAMES } from '../shared/helpdesk-names';
import { send, type Setup } from '../shared/page-send';
import { Notice } from '../ui/notice';
import { errorText } from '../wording/errors';
import { t } from '../wording/i18n';
import { openSettings } from './choice';

/**
 * Who the agent is to Upscope, when that stops a session: the helpdesk's signed-in agent offered
 * as their name and ID (used only on "Use", never silently), else where to set them. `changed`
 * reads the setup again once the worker has stored the answer.
 */
export function AgentNotice({ setup, changed }: { setup: Setup | null; changed: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const proposal = setup?.agentProposal;
  if (proposal) {
    const answer = async (use: boolean) => {
      setBusy(true);
      const reply = use
        ? await send({
            type: 'settings/save',
            patch: { agentName: proposal.agentName, agentId: proposal.agentId },
          })
        : await send({ type: 'agent/decline', helpdesk: proposal.helpdesk, id: proposal.id });
      setBusy(false);
      setError(reply.ok ? null : errorText(reply.error));
      if (reply.ok) changed();
    };
    return (
      <div class="notice info" data-testid="agent-proposal">
        <span class="icon" aria-hidden="true">
          i
        </span>
        <div class="body">
          <p>{t('agentProposal', proposal.name, HELPDESK_NAMES[proposal.helpdesk], proposal.id)}</p>
          <p class="muted">{t('agentProposalSaves', proposal.agentId)}</p>
          {error && <p role="alert">{error}</p>}
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void answer(true)}>
              {t('agentProposalUse')}
            </button>
            <button type="button" disabled={busy} onClick={() => void answer(false)}>
              {t('agentProposalNotNow')}
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (!setup?.agentMissing) return null;
  // The organisation has the name and ID read from the helpdesk: there is nothing to type.
  if (setup.agentFromHelpdesk) return <Notice tone="warn" text={t('agentMissingHelpdesk')} />;
  return <Notice tone="warn" text={t('agentMissing')} onSettings={openSettings} />;
}
