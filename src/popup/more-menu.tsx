import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../wording/i18n';

export interface MenuItem {
  label: string;
  /** Things that cannot be undone are shown in the danger colour (each still asks first). */
  danger?: boolean;
  onSelect(): void;
}

/**
 * The actions that are not the card's main one (end a session, forget the visitor), behind a
 * "More actions" button beside Start, so a slip of the mouse under Start lands on nothing.
 * A menu button as ARIA describes it: arrows move, Escape closes and returns to the button.
 */
export function MoreMenu(props: { items: MenuItem[]; buttonRef: Ref<HTMLButtonElement> }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLUListElement>(null);
  const button = props.buttonRef as { current: HTMLButtonElement | null };

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useLayoutEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  }

  if (props.items.length === 0) return null;
  return (
    <div
      class="more-menu"
      onFocusOut={(event) => {
        // Focus went somewhere outside (a click elsewhere, Tab): the menu goes.
        const next = event.relatedTarget as Node | null;
        if (open && !(event.currentTarget as HTMLElement).contains(next)) setOpen(false);
      }}
    >
      <button
        type="button"
        class="more-button"
        ref={props.buttonRef}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'more-actions' : undefined}
        aria-label={t('moreActions')}
        title={t('moreActions')}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul
          id="more-actions"
          ref={menu}
          role="menu"
          aria-label={t('moreActions')}
          class="menu"
          onKeyDown={onKeyDown}
        >
          {props.items.map((item) => (
            <li role="none" key={item.label}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                class={item.danger ? 'danger-item' : undefined}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
