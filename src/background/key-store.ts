import browser from 'webextension-polyfill';
import { z } from 'zod';
import { storageItem } from './storage-item';

// The only module that reads or writes the API key. The key lives in storage.local, restricted
// to the extension's own pages and worker, and is never returned to any page once saved.

const StoredKeySchema = z.object({
  value: z.string().min(1),
  /** Set when Upscope refused the key: no call is made again until the key changes. */
  rejected: z.string().nullable(),
});

const keyItem = storageItem('local', 'apiKey', StoredKeySchema.nullable(), () => null);

export interface KeyStatus {
  present: boolean;
  /** The last four characters, so an agent can tell which key is saved without seeing it. */
  hint: string | null;
  /** The error kind Upscope answered with when it refused the key. */
  rejected: string | null;
}

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

export const API_KEY_STORAGE_KEY = keyItem.key;
