/// <reference lib="dom" />
import type { KeyPairStore, StoredKeyPair } from './device-keys.js';

const DB_NAME = 'waiaas-companion';
const STORE = 'device-keys';
const KEY = 'device';

/**
 * The device key pair in IndexedDB: storage.local holds JSON only, while a CryptoKey is
 * structured-cloneable, so IndexedDB keeps a non-extractable key without its bytes ever being
 * exposed to script.
 */
export function createIndexedDbKeyStore(indexedDB: IDBFactory): KeyPairStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    });

  const run = async <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = action(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request.result as T);
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      });
    } finally {
      db.close();
    }
  };

  return {
    get: async () => (await run<StoredKeyPair | undefined>('readonly', (store) => store.get(KEY))) ?? undefined,
    put: async (value) => void (await run('readwrite', (store) => store.put(value, KEY))),
    delete: async () => void (await run('readwrite', (store) => store.delete(KEY))),
  };
}
