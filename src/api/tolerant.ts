import { z } from 'zod';

// Field readers that take what a real server sends, not only what the documents show: each reads
// a field of the wrong type as its clear meaning (digits as a number, a number as an id string,
// "true" as true, one string as a list of one) or as null, and never fails the object around it.

/** Text: anything but a string (a country code sent as a number, say) has no clear meaning. */
export const text = z.string().nullish().catch(null);
/** A boolean; the strings "true" and "false" are read as one, anything else as null. */
export const flag = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
  .nullish()
  .catch(null);
const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;
/** A count or a size: a number, or a string of digits read as one. */
export const count = z
  .union([z.number(), z.string().regex(NUMERIC).transform(Number)])
  .nullish()
  .catch(null);
/**
 * Datetimes are kept as the vendor's strings (they come with various offsets); an epoch number
 * (seconds or milliseconds) is read as an ISO string.
 */
export const datetime = z
  .union([
    z.string(),
    z
      .number()
      .transform((n) => (n < 1e12 ? n * 1000 : n))
      // Beyond ±8.64e15 ms a Date is invalid and toISOString would throw.
      .refine((ms) => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15)
      .transform((ms) => new Date(ms).toISOString()),
  ])
  .nullish()
  .catch(null);
/** An id the vendor documents as a number in one place and a string in another: kept as sent. */
export const stringOrNumber = z.union([z.string(), z.number()]).nullish().catch(null);
/** Documented as strings, but set by website code that may pass a number: read as a string. */
export const stringish = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .catch(null);

/**
 * An array that keeps the items `item` accepts and silently drops the others. The field itself
 * must still be an array (or missing/null).
 */
export function tolerantArray<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((values) =>
    values.flatMap((value): z.output<T>[] => {
      const result = item.safeParse(value);
      return result.success ? [result.data] : [];
    }),
  );
}

/** A list of objects: unreadable items are dropped, and a field that is no list reads as null. */
export function objectList<T extends z.ZodType>(item: T) {
  return tolerantArray(item).nullish().catch(null);
}

/** A list of strings; one string on its own is read as a list of one. */
export const stringList = z
  .union([
    tolerantArray(z.string()),
    z.string().transform((value) => (value === '' ? [] : [value])),
  ])
  .nullish()
  .catch(null);
