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
      const stored = (await storage().get(key))[key];
      if (stored === undefined) return fallback();
      const parsed = schema.safeParse(stored);
      return parsed.success ? parsed.data : fallback();
    },
    async set(value) {
      await storage().set({ [key]: value });
    },
    async remove() {
      await storage().remove(key);
    },
  };
}
