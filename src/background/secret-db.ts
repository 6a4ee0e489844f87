// A one-value store in the extension origin's IndexedDB. Content scripts run with the page's
// origin, so they cannot open it: where storage.local cannot be closed to content scripts
// (Firefox), the key is kept here instead.

const DB_NAME = 'helpdesk-cobrowse-secrets';
const STORE = 'secrets';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  use: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = use(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const secretDb = {
  get: (key: string) => run<unknown>('readonly', (s) => s.get(key)),
  set: (key: string, value: unknown) =>
    run<void>('readwrite', (s) => s.put(value, key)).then(() => undefined),
  remove: (key: string) => run<void>('readwrite', (s) => s.delete(key)).then(() => undefined),
};
