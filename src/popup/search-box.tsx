import type { Ref } from 'preact';
import { t } from '../wording/i18n';
import { LIST_ID, optionId } from './list';

/**
 * The search box. It also drives the list of visitors as a combobox does: the arrow keys move
 * the selection while focus stays here.
 */
export function SearchBox(props: {
  text: string;
  inputRef: Ref<HTMLInputElement>;
  /** Whether the list of visitors it drives is shown, and the index of the selected one. */
  listShown: boolean;
  activeIndex: number;
  onText(text: string): void;
  onSubmit(query: string): void;
  onKeyDown(event: KeyboardEvent): void;
}) {
  const { listShown } = props;
  return (
    <form
      class="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(props.text.trim());
      }}
    >
      {/* One line, so the ticket's customer comes first: the label and the keys are read out,
          and the keys show as the box's tooltip. */}
      <label for="search-input" class="visually-hidden">
        {t('searchLabel')}
      </label>
      <div class="search-row">
        <input
          id="search-input"
          ref={props.inputRef}
          type="search"
          role="combobox"
          list={undefined}
          aria-autocomplete="list"
          aria-expanded={listShown}
          aria-controls={listShown ? LIST_ID : undefined}
          aria-activedescendant={
            listShown && props.activeIndex >= 0 ? optionId(props.activeIndex) : undefined
          }
          aria-describedby="search-hint"
          autocomplete="off"
          spellcheck={false}
          maxLength={256}
          placeholder={t('searchPlaceholder')}
          title={t('searchHint')}
          value={props.text}
          onInput={(event) => props.onText(event.currentTarget.value)}
          onKeyDown={props.onKeyDown}
        />
        <button type="submit">{t('search')}</button>
      </div>
      <p id="search-hint" class="visually-hidden">
        {t('searchHint')}
      </p>
    </form>
  );
}
