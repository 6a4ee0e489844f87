import browser from 'webextension-polyfill';
import { z } from 'zod';
import type { KeyStatus } from '../shared/protocol';
import { secretDb } from './secret-db';
import { storageItem } from './storage-item';

// The only module that reads or writes the API key. The key lives in storage.local, restricted
// to the extension's own pages and worker; where the browser cannot restrict storage.local, it
// lives in the extension's IndexedDB. It is never returned to any page once saved.

const StoredKeySchema = z.object({
  value: z.string().min(1),
  /** Set when Upscope refused the key: no call is made again until the key changes. */
  rejected: z.string().nullable(),
});

type StoredKey = z.infer<typeof StoredKeySchema>;

const KEY = 'apiKey';
const localItem = storageItem('local', KEY, StoredKeySchema.nullable(), () => null);

interface KeyItem {
  get(): Promise<StoredKey | null>;
  set(value: StoredKey): Promise<void>;
  remove(): Promise<void>;
}

const databaseItem: KeyItem = {
  async get() {
    const parsed = StoredKeySchema.safeParse(await secretDb.get(KEY));
    return parsed.success ? parsed.data : null;
  },
  set: (value: StoredKey) => secretDb.set(KEY, value),
  remove: () => secretDb.remove(KEY),
};

export type { KeyStatus };

/**
 * Keeps content scripts out of storage.local where the browser allows it. Returns whether it
 * did: older browsers have no access levels for storage.local.
 */
export async function restrictStorageToExtension(): Promise<boolean> {
  const local = browser.storage.local as { setAccessLevel?: (o: object) => Promise<void> };
  if (typeof local.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}

/** Decided once per worker life: whether storage.local is closed to content scripts. */
let restricted: Promise<boolean> | null = null;

async function store(): Promise<KeyItem> {
  restricted ??= restrictStorageToExtension();
  if (await restricted) return localItem;
  // Never leave a copy where content scripts could read it.
  const leftover = await localItem.get();
  if (leftover) {
    await databaseItem.set(leftover);
    await localItem.remove();
  }
  return databaseItem;
}

/** Called at worker start-up so storage is closed to content scripts before anything is saved. */
export async function prepareKeyStore(): Promise<void> {
  await store();
}

const keyItem = {
  get: async () => (await store()).get(),
  set: async (value: StoredKey) => (await store()).set(value),
  remove: async () => (await store()).remove(),
};

export async function readApiKey(): Promise<string | null> {
  const stored = await keyItem.get();
  return stored && stored.rejected === null ? stored.value : null;
}

/** The saved key even when Upscope refused it: only for re-testing the connection. */
export async function readStoredKeyForRetest(): Promise<string | null> {
  return (await keyItem.get())?.value ?? null;
}

export async function keyStatus(): Promise<KeyStatus> {
  const stored = await keyItem.get();
  return {
    present: stored !== null,
    hint: stored ? stored.value.slice(-4) : null,
    rejected: stored?.rejected ?? null,
  };
}

export async function saveApiKey(value: string, rejected: string | null = null): Promise<void> {
  await keyItem.set({ value, rejected });
}

export async function markKeyRejected(kind: string): Promise<void> {
  const stored = await keyItem.get();
  if (stored) await keyItem.set({ ...stored, rejected: kind });
}

export async function clearApiKey(): Promise<void> {
  await keyItem.remove();
}
