import browser from 'webextension-polyfill';
import { z } from 'zod';
import { isAuthErrorKind } from '../api';
import type { KeyStatus } from '../shared/protocol';
import { loadSettings } from './settings-store';
import { secretDb } from './secret-db';
import { storageItem } from './storage-item';

// The only module that reads or writes the API key. The key lives in storage.local, restricted
// to the extension's own pages and worker; where the browser cannot restrict storage.local, it
// lives in the extension's IndexedDB. It is never returned to any page once saved.

const StoredKeySchema = z.object({
  value: z.string().min(1),
  /** Set when Upscope refused the key: no call is made again until the key changes. */
  rejected: z.string().nullable(),
  /**
   * The origin of the API endpoint the key was saved for: it is sent nowhere else. Keys saved
   * before keys were bound have none, and are bound on first read (see `boundKey`).
   */
  origin: z.string().min(1).optional(),
  /**
   * The key came from the organisation's policy (copied here by the worker at start-up and when
   * the policy changes): it goes when the policy no longer gives it.
   */
  fromPolicy: z.boolean().optional(),
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

/** Once per worker life where storage.local is closed: the move out of IndexedDB. */
let movedOutOfDatabase: Promise<void> | null = null;

async function store(): Promise<KeyItem> {
  restricted ??= restrictStorageToExtension();
  if (await restricted) {
    // A key kept in IndexedDB while this browser could not close storage.local is moved here:
    // left behind, "Remove key" would be the only thing that still found it.
    movedOutOfDatabase ??= moveKey(databaseItem, localItem).catch(() => {
      movedOutOfDatabase = null;
    });
    await movedOutOfDatabase;
    return localItem;
  }
  // Never leave a copy where content scripts could read it.
  await moveKey(localItem, databaseItem);
  return databaseItem;
}

/** Moves a key from one store to the other; a key already in `to` is the newer and wins. */
async function moveKey(from: KeyItem, to: KeyItem): Promise<void> {
  const leftover = await readQuietly(from);
  if (!leftover) return;
  if (!(await readQuietly(to))) await to.set(leftover);
  await from.remove();
}

/** A store that cannot be opened (IndexedDB refused, say) holds nothing to move. */
async function readQuietly(item: KeyItem): Promise<StoredKey | null> {
  try {
    return await item.get();
  } catch {
    return null;
  }
}

/** Called at worker start-up so storage is closed to content scripts before anything is saved. */
export async function prepareKeyStore(): Promise<void> {
  await store();
}

const keyItem = {
  get: async () => (await store()).get(),
  set: async (value: StoredKey) => (await store()).set(value),
};

/**
 * The stored key, with a refusal kept only when it is one of Upscope's documented key errors.
 * Earlier versions also locked the key on any 401 (a proxy's sign-in page, say); such a lock says
 * nothing about the key, so it no longer holds.
 */
async function readKeyItem(): Promise<StoredKey | null> {
  const stored = await keyItem.get();
  if (!stored || stored.rejected === null || isAuthErrorKind(stored.rejected)) return stored;
  return { ...stored, rejected: null };
}

/** The origin of an API endpoint; 'null' (which no key is saved for) for one that does not parse. */
export function originOf(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return 'null';
  }
}

/**
 * The stored key with the origin it belongs to. A key saved before keys were bound is bound now
 * to the endpoint saved today: that is where it was already being sent.
 */
async function boundKey(): Promise<(StoredKey & { origin: string }) | null> {
  const stored = await readKeyItem();
  if (!stored) return null;
  if (stored.origin) return { ...stored, origin: stored.origin };
  const origin = originOf((await loadSettings()).apiBaseUrl);
  if (origin === 'null') return null;
  const bound = { ...stored, origin };
  await keyItem.set(bound);
  return bound;
}

/** Binds a key saved before keys were bound, while the endpoint it was sent to is still saved. */
export async function bindStoredKey(): Promise<void> {
  await boundKey();
}

/** The stored key for the endpoint at `origin`; any other origin's key is not given out. */
async function keyFor(origin: string): Promise<StoredKey | null> {
  const stored = await boundKey();
  return stored && stored.origin === origin ? stored : null;
}

/** The key to send to `origin`, or null: none saved, refused, or saved for another origin. */
export async function readApiKey(origin: string): Promise<string | null> {
  const stored = await keyFor(origin);
  return stored && stored.rejected === null ? stored.value : null;
}

/** The key for `origin` even when Upscope refused it: only for re-testing the connection. */
export async function readStoredKeyForRetest(origin: string): Promise<string | null> {
  return (await keyFor(origin))?.value ?? null;
}

/**
 * The key as the endpoint at `origin` sees it: a key saved for another origin is not present
 * here, and the origin it was saved for is named instead.
 */
export async function keyStatus(origin: string): Promise<KeyStatus> {
  const stored = await boundKey();
  const own = stored && stored.origin === origin ? stored : null;
  return {
    present: own !== null,
    hint: own ? own.value.slice(-4) : null,
    rejected: own?.rejected ?? null,
    savedFor: stored && !own ? stored.origin : null,
  };
}

export async function saveApiKey(
  value: string,
  origin: string,
  rejected: string | null = null,
): Promise<void> {
  // Re-saved after a test, the policy's key is still the policy's.
  const stored = await readQuietly(await store());
  const fromPolicy = stored?.fromPolicy === true && stored.value === value;
  await keyItem.set({ value, rejected, origin, ...(fromPolicy && { fromPolicy }) });
}

/**
 * Keeps the key the organisation's policy gives, bound to `origin` like a typed key, in the same
 * store as a typed key: nothing but this copy is ever read for calls. A null policy key removes a
 * key that came from the policy and leaves one the agent typed. Returns whether anything changed;
 * the same key for the same origin keeps its state (a refusal stays until the policy changes it).
 */
export async function adoptPolicyKey(value: string | null, origin: string): Promise<boolean> {
  const stored = await readQuietly(await store());
  if (value === null) {
    if (!stored?.fromPolicy) return false;
    await clearApiKey();
    return true;
  }
  if (stored?.fromPolicy && stored.value === value && stored.origin === origin) return false;
  await keyItem.set({ value, rejected: null, origin, fromPolicy: true });
  return true;
}

/**
 * Marks the key `value` refused when it is the one saved for `origin`: a key saved for another
 * origin, or a new key being checked before it is saved, leaves the saved key as it is.
 */
export async function markKeyRejected(origin: string, kind: string, value: string): Promise<void> {
  const stored = await keyFor(origin);
  if (stored && stored.value === value) await keyItem.set({ ...stored, rejected: kind });
}

/** Removes every copy of the key: storage.local and the extension's IndexedDB, whichever holds it. */
export async function clearApiKey(): Promise<void> {
  await Promise.all([localItem.remove(), removeQuietly(databaseItem)]);
}

/** A store that cannot be opened holds nothing readable; one that can must lose its copy. */
async function removeQuietly(item: KeyItem): Promise<void> {
  try {
    await item.remove();
  } catch (error) {
    if (await readQuietly(item)) throw error;
  }
}
