/**
 * One value in extension storage: the slice of WXT's `WxtStorageItem` the background uses, so each
 * module is handed only its own key and a test can hand it a memory one.
 */
export interface StorageItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export function createMemoryStorageItem<T>(initial: T): StorageItem<T> & { peek(): T } {
  let value = initial;
  return {
    getValue: async () => value,
    setValue: async (next) => void (value = next),
    peek: () => value,
  };
}
