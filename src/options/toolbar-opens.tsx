import { toolbarCanOpenPanel } from '../shared/side-panel';
import { t } from '../wording/i18n';
import { describedBy, ManagedNote } from './managed';
import { Section } from './section';
import type { Form } from './model';
import { Radios, type RadioChoice } from './radios';
import type { FormParts } from './use-settings-form';

const CHOICES: readonly RadioChoice<Form['toolbarOpens']>[] = [
  ['popup', 'optionsToolbarOpensPopup'],
  ['panel', 'optionsToolbarOpensPanel'],
];

/**
 * What the toolbar button (and its shortcut) opens: the popup or the side panel. Chrome only:
 * Firefox's sidebar has its own button, and its toolbar button keeps the popup.
 */
export function ToolbarSection({ parts }: { parts: FormParts }) {
  if (!toolbarCanOpenPanel()) return null;
  const { form, update, locked } = parts;
  return (
    <Section id="toolbar-title" title={t('optionsToolbarTitle')}>
      <fieldset
        disabled={locked('toolbarOpens')}
        aria-describedby={describedBy(locked('toolbarOpens') && 'toolbar-managed')}
      >
        <legend>{t('optionsToolbarOpensLegend')}</legend>
        <ManagedNote id="toolbar-managed" show={locked('toolbarOpens')} />
        <Radios
          name="toolbar-opens"
          choices={CHOICES}
          value={form.toolbarOpens}
          onChange={(toolbarOpens) => update({ toolbarOpens })}
        />
      </fieldset>
    </Section>
  );
}
