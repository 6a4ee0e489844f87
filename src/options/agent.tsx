import { useState } from 'preact/hooks';
import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { Notice } from '../ui/notice';
import { agentIdFrom } from './model';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

/**
 * Who the agent is to Upscope: the name the visitor sees and the id sessions are filed under.
 * Until the agent types an ID of their own, the ID follows the name ("Joe Smith" → "joe-smith"):
 * on the first visit one field is enough, and an ID already saved that way keeps following. With
 * the policy's AgentIdentitySource "helpdesk" both are the helpdesk's signed-in agent, shown
 * read-only (the worker lays them over whatever is typed).
 */
export function AgentSection({ parts, fromHelpdesk }: { parts: FormParts; fromHelpdesk: boolean }) {
  const { form } = parts;
  const none = fromHelpdesk && !form.agentId;
  const [follows, setFollows] = useState(
    () => !form.agentId || form.agentId === agentIdFrom(form.agentName),
  );
  return (
    <Section id="agent-title" title={t('optionsAgentTitle')}>
      {fromHelpdesk && (
        <Notice
          inline
          tone={none ? 'warn' : 'info'}
          text={
            none
              ? `${t('optionsAgentFromHelpdesk')} ${t('optionsAgentFromHelpdeskNone')}`
              : t('optionsAgentFromHelpdesk')
          }
        />
      )}
      <div class="two">
        <TextField
          id="agent-name"
          label={t('optionsAgentNameLabel')}
          autocomplete="name"
          value={form.agentName}
          readOnly={fromHelpdesk}
          error={parts.error('agentName')}
          hint={t('optionsAgentNameHint')}
          onInput={(value) => {
            parts.update(
              follows ? { agentName: value, agentId: agentIdFrom(value) } : { agentName: value },
            );
            parts.clear('agentName');
            if (follows) parts.clear('agentId');
          }}
        />
        <TextField
          id="agent-id"
          label={t('optionsAgentIdLabel')}
          value={form.agentId}
          readOnly={fromHelpdesk}
          error={parts.error('agentId')}
          hint={t('optionsAgentIdHint')}
          onInput={(value) => {
            // Emptied, it follows the name again; anything else typed is the agent's own.
            setFollows(!value.trim());
            parts.update({ agentId: value });
            parts.clear('agentId');
          }}
        />
      </div>
    </Section>
  );
}
