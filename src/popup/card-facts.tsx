import { useState } from 'preact/hooks';
import type { Visitor } from '../shared/page-send';
import { t } from '../wording/i18n';

// The small facts of a visitor's card: whether their browser can be co-browsed, their identities
// and their tags (folded, so that a long list never pushes Start out of view).

export function Support({ visitor }: { visitor: Visitor }) {
  // "Not supported" is said by the presence line and, with the browsers that are, by the footer.
  if (visitor.is_supported === true) {
    return (
      <span class="support yes">
        <span aria-hidden="true">✓ </span>
        {t('browserSupported')}
      </span>
    );
  }
  return null;
}

export function IdentityChips({ visitor, label }: { visitor: Visitor; label: string }) {
  const chips = new Set<string>();
  for (const identity of visitor.identities ?? []) {
    if (identity.trim() && identity !== label) chips.add(identity);
  }
  if (visitor.unique_id) chips.add(`id:${visitor.unique_id}`);
  if (visitor.lookup_code) chips.add(t('lookupCodeChip', String(visitor.lookup_code)));
  if (chips.size === 0) return null;
  return (
    <ul class="chips">
      {[...chips].map((chip) => (
        <li class="chip" key={chip} title={chip}>
          {chip}
        </li>
      ))}
    </ul>
  );
}

/** More tags than this fold into "+N more", so a long list never pushes Start away. */
const TAGS_SHOWN = 4;

export function Tags({ tags }: { tags: string[] }) {
  const [all, setAll] = useState(false);
  const folded = !all && tags.length > TAGS_SHOWN;
  const shown = folded ? tags.slice(0, TAGS_SHOWN - 1) : tags;
  return (
    <ul class="chips">
      {shown.map((tag) => (
        <li class="chip" key={tag} title={tag}>
          {tag}
        </li>
      ))}
      {folded && (
        <li>
          <button
            type="button"
            class="chip chip-more"
            aria-expanded={false}
            onClick={() => setAll(true)}
          >
            {t('tagsMore', tags.length - shown.length)}
          </button>
        </li>
      )}
    </ul>
  );
}
