import browser from 'webextension-polyfill';
import type { z } from 'zod';

type Area = 'local' | 'session';

export interface StorageItem<T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

/**
 * Reads a stored value through its schema; anything that does not read (missing, an old shape, a
 * manual edit, a schema whose transform throws) is undefined, never an exception. A value that
 * does read is boxed, so a schema may accept null or undefined.
 */
function parse<T>(schema: z.ZodType<T>, stored: unknown): { value: T } | undefined {
  if (stored === undefined) return undefined;
  try {
    const parsed = schema.safeParse(stored);
    return parsed.success ? { value: parsed.data } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One stored value, declared once with its schema. A stored value that no longer parses (an old
 * version, a manual edit) reads as the fallback instead of breaking the worker.
 */
export function storageItem<T>(
  area: Area,
  key: string,
  schema: z.ZodType<T>,
  fallback: () => T,
): StorageItem<T> {
  const storage = () => browser.storage[area];
  return {
    key,
    async get() {
      const stored = parse(schema, (await storage().get(key))[key]);
      return stored ? stored.value : fallback();
    },
    async set(value) {
      await storage().set({ [key]: value });
    },
    async remove() {
      await storage().remove(key);
    },
  };
}

export interface StorageFamily<T> {
  readonly prefix: string;
  /** The storage key of one member: the prefix and its id. */
  key(id: string | number): string;
  /** One member, or null when it is missing or no longer reads. */
  get(id: string | number): Promise<T | null>;
  set(id: string | number, value: T): Promise<void>;
  remove(id: string | number): Promise<void>;
  /** The ids of every stored member (without the prefix), readable or not. */
  ids(): Promise<string[]>;
  /** Every member that reads, by id. */
  entries(): Promise<Map<string, T>>;
  /** Removes every member. */
  clear(): Promise<void>;
}

/**
 * Values of one kind stored under keys that share a prefix (`tab:7`, `lookup:jane@example.com`),
 * each read through the same schema.
 */
export function storageFamily<T>(
  area: Area,
  prefix: string,
  schema: z.ZodType<T>,
): StorageFamily<T> {
  const storage = () => browser.storage[area];
  const key = (id: string | number) => `${prefix}${id}`;
  const ownKeys = async () =>
    Object.keys(await storage().get(null)).filter((k) => k.startsWith(prefix));
  return {
    prefix,
    key,
    async get(id) {
      const k = key(id);
      return parse(schema, (await storage().get(k))[k])?.value ?? null;
    },
    async set(id, value) {
      await storage().set({ [key(id)]: value });
    },
    async remove(id) {
      await storage().remove(key(id));
    },
    async ids() {
      return (await ownKeys()).map((k) => k.slice(prefix.length));
    },
    async entries() {
      const all = await storage().get(null);
      const members = new Map<string, T>();
      for (const [k, stored] of Object.entries(all)) {
        if (!k.startsWith(prefix)) continue;
        const read = parse(schema, stored);
        if (read) members.set(k.slice(prefix.length), read.value);
      }
      return members;
    },
    async clear() {
      const keys = await ownKeys();
      if (keys.length > 0) await storage().remove(keys);
    },
  };
}
