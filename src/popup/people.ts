import type { Visitor } from '../shared/page-send';
import { visitorEmail, visitorLabel } from '../wording/visitor';
import type { Entry } from './model';

/** One person among the visitors listed: the name and email they share, their rows best first. */
export interface Person {
  key: string;
  /** How the agent knows them (a name, else an email or an id), and the email that tells two
   *  people of one name apart (null when the name is the email, or there is none). */
  name: string;
  email: string | null;
  entries: Entry[];
}

const EMAIL = /@/;
const clean = (value: string | null | undefined) => value?.trim() || null;

/**
 * What makes two visitors one person: the same name and the same email. A visitor with neither
 * is a person of their own (an id or a lookup code says nothing about who else they might be).
 */
function personKey(visitor: Visitor): string {
  const texts = [visitor.name, ...(visitor.identities ?? [])].map(clean);
  const name = texts.find((text) => text && !EMAIL.test(text)) ?? null;
  const email =
    [visitor.email, ...(visitor.identities ?? [])]
      .map(clean)
      .find((text) => text && EMAIL.test(text)) ?? null;
  if (!name && !email) return `visitor:${visitor.short_id}`;
  return `person:${(name ?? '').toLowerCase()}\n${(email ?? '').toLowerCase()}`;
}

/**
 * The listed visitors by person, so one person's devices sit together and are not mixed with
 * another's: people in the order of their best visitor, each one's rows in rank order. Stable:
 * grouping a list already in this order keeps it.
 */
export function groupByPerson(entries: Entry[]): Person[] {
  const people = new Map<string, Person>();
  for (const entry of entries) {
    const key = personKey(entry.visitor);
    const known = people.get(key);
    if (known) known.entries.push(entry);
    else {
      const { visitor } = entry;
      people.set(key, {
        key,
        name: visitorLabel(visitor),
        email: visitorEmail(visitor),
        entries: [entry],
      });
    }
  }
  return [...people.values()];
}

/** The entries in the order the grouped list shows them, which the arrow keys follow. */
export function inPersonOrder(entries: Entry[]): Entry[] {
  return groupByPerson(entries).flatMap((person) => person.entries);
}
