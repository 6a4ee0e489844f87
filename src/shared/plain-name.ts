// Shared by the worker, which searches a ticket's customer by name, and the popup, which says
// which words were searched. No dependencies: the popup bundle stays small.

/**
 * A display name as plain words for Upscope's search, where words can be operators (see the API
 * notes): `id:…`, `ip:…`, `integration_id:…` and any other `word:` prefix, `#tag`, `online`,
 * `-online`, a leading `-` (exclusion), and a 4-digit lookup code. The customer chooses their own
 * name, so none of that may reach the search: such words are dropped, as are emails (searched as
 * an email, not a name) and bare numbers (a number is not a name; four digits are a code).
 * Returns null when no plain word is left: then the name is not searched at all.
 */
export function plainName(name: string): string | null {
  // Look-alikes (a full-width colon) become what the search would read; invisible characters go.
  const words = name
    .normalize('NFKC')
    .replace(/\p{C}/gu, '')
    .split(/\s+/)
    .map((word) => word.replace(/^-+/, ''))
    .filter(
      (word) =>
        word !== '' &&
        !word.includes(':') &&
        !word.startsWith('#') &&
        !word.includes('@') &&
        !/^\d+$/.test(word) &&
        !/^-?online$/i.test(word),
    );
  return words.length > 0 ? words.join(' ') : null;
}
