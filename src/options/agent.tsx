import { TextField } from '../ui/field';
import { t } from '../wording/i18n';
import { Notice } from '../ui/notice';
import { Section } from './section';
import type { FormParts } from './use-settings-form';

/** Who the agent is to Upscope: the name the visitor sees and the id sessions are filed under. */
export function AgentSection({ parts, fromHelpdesk }: { parts: FormParts; fromHelpdesk: boolean }) {
  return (
    <Section id="agent-title" title={t('optionsAgentTitle')}>
      {/* The policy asks for the helpdesk's word, which this version cannot read yet. */}
      {fromHelpdesk && <Notice inline tone="info" text={t('optionsAgentFromHelpdesk')} />}
      <div class="two">
        <TextField
          id="agent-name"
          label={t('optionsAgentNameLabel')}
          autocomplete="name"
          value={parts.form.agentName}
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
