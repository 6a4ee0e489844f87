import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { Notice } from '../ui/notice';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

/**
 * Who the agent is to Upscope: the name the visitor sees and the id sessions are filed under.
 * With the policy's AgentIdentitySource "helpdesk" both are the helpdesk's signed-in agent, shown
 * read-only (the worker lays them over whatever is typed).
 */
export function AgentSection({ parts, fromHelpdesk }: { parts: FormParts; fromHelpdesk: boolean }) {
  const none = fromHelpdesk && !parts.form.agentId;
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
          value={parts.form.agentName}
          readOnly={fromHelpdesk}
          error={parts.error('agentName')}
          hint={t('optionsAgentNameHint')}
          onInput={(value) => {
            parts.update({ agentName: value });
            parts.clear('agentName');
          }}
        />
        <TextField
          id="agent-id"
          label={t('optionsAgentIdLabel')}
          value={parts.form.agentId}
          readOnly={fromHelpdesk}
          error={parts.error('agentId')}
          hint={t('optionsAgentIdHint')}
          onInput={(value) => {
            parts.update({ agentId: value });
            parts.clear('agentId');
          }}
        />
      </div>
    </Section>
  );
}
