import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ToolbarOpens } from '../shared/settings';
import { t } from '../wording/i18n';
import { Section } from './section';

interface Command {
  name: string;
  description: string;
  shortcut: string;
}

const OPEN_POPUP = '_execute_action';

async function readCommands(): Promise<Command[]> {
  try {
    const all = await browser.commands.getAll();
    return all.map((command) => ({
      name: command.name ?? '',
      description: command.description ?? '',
      shortcut: command.shortcut ?? '',
    }));
  } catch {
    return [];
  }
}

/** Firefox has a page for this; Chrome's is a chrome:// address only an extension may open. */
function openShortcutSettings(): void {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') {
    void commands.openShortcutSettings();
  } else {
    void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
}

/**
 * The keyboard shortcuts as the browser has them now, and the way to change them. The toolbar
 * button's shortcut opens what the button opens.
 */
export function Shortcuts({ toolbarOpens = 'popup' }: { toolbarOpens?: ToolbarOpens }) {
  const openWhat =
    toolbarOpens === 'panel' ? t('optionsShortcutOpenPanel') : t('optionsShortcutOpenPopup');
  const [commands, setCommands] = useState<Command[] | null>(null);
  useEffect(() => {
    void readCommands().then(setCommands);
    // Changed in the browser's page while this one is open: show the new keys on return.
    const again = () => {
      if (document.visibilityState === 'visible') void readCommands().then(setCommands);
    };
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, []);
  return (
    <>
      <dl class="shortcuts" data-testid="shortcuts">
        {(commands ?? []).map((command) => (
          <div class="shortcut" key={command.name}>
            <dt>{command.name === OPEN_POPUP ? openWhat : command.description || command.name}</dt>
            <dd>
              {command.shortcut ? (
                <kbd>{command.shortcut}</kbd>
              ) : (
                <span class="muted">{t('optionsShortcutNotSet')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={openShortcutSettings}>
        {t('optionsShortcutsChange')}
      </button>
    </>
  );
}

export function ShortcutsSection({ toolbarOpens }: { toolbarOpens: ToolbarOpens }) {
  return (
    <Section id="shortcuts-title" title={t('optionsShortcutsTitle')}>
      <Shortcuts toolbarOpens={toolbarOpens} />
    </Section>
  );
}
