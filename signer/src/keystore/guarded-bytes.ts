import sodium, { type SecureBuffer } from 'sodium-native';
import { WaiaasError } from '@waiaas/protocol';

/** Rejects, at compile time, a `use` callback that returns a promise (see `GuardedBytes.read`). */
export type Synchronous<T> = T extends PromiseLike<unknown> ? [synchronous: never] : [];

/**
 * Secret bytes in libsodium guarded memory: guard pages around them, mlock'ed so they are not
 * swapped, and PROT_NONE except inside a `read` window, so a stray read, a core dump or a heap
 * snapshot outside a window finds nothing. `wipe` zeroes them for good.
 *
 * The buffer sits in a private field on purpose: touching a no-access page kills the process, and
 * `util.inspect` (or a test diff) never walks private fields.
 */
export class GuardedBytes {
  #buffer: SecureBuffer | undefined;
  #readers = 0;

  private constructor(buffer: SecureBuffer) {
    this.#buffer = buffer;
    sodium.sodium_mprotect_noaccess(buffer);
  }

  /** Allocates `size` guarded bytes and lets `fill` write them. */
  static create(size: number, fill: (bytes: Buffer) => void): GuardedBytes {
    const buffer = sodium.sodium_malloc(size);
    try {
      fill(buffer);
    } catch (error) {
      sodium.sodium_memzero(buffer);
      throw error;
    }
    return new GuardedBytes(buffer);
  }

  /** Like `create`, for a fill that writes from another thread (Argon2id on libuv's pool). */
  static async createAsync(size: number, fill: (bytes: Buffer) => Promise<void>): Promise<GuardedBytes> {
    const buffer = sodium.sodium_malloc(size);
    try {
      await fill(buffer);
    } catch (error) {
      sodium.sodium_memzero(buffer);
      throw error;
    }
    return new GuardedBytes(buffer);
  }

  /** Moves bytes that node:crypto returned on the ordinary heap into guarded memory, zeroing the original. */
  static takeFrom(temporary: Buffer): GuardedBytes {
    try {
      return GuardedBytes.create(temporary.length, (bytes) => temporary.copy(bytes));
    } finally {
      sodium.sodium_memzero(temporary);
    }
  }

  get wiped(): boolean {
    return this.#buffer === undefined;
  }

  /**
   * Runs `use` with the bytes readable (read-only) and makes them no-access again as soon as it
   * returns. `use` must be synchronous — an async callback would read after the window closed and
   * crash — and must not keep a reference to `bytes`. Throws KEYSTORE__LOCKED once wiped.
   */
  read<T>(use: (bytes: Buffer) => T, ..._synchronous: Synchronous<T>): T {
    const buffer = this.#buffer;
    if (buffer === undefined) throw new WaiaasError('KEYSTORE__LOCKED');
    // Nested windows on the same bytes are fine: only the outermost one closes the page.
    if (this.#readers++ === 0) sodium.sodium_mprotect_readonly(buffer);
    try {
      return use(buffer);
    } finally {
      if (--this.#readers === 0) sodium.sodium_mprotect_noaccess(buffer);
    }
  }

  /** Zeroes the bytes and drops them; libsodium frees the pages when the buffer is collected. */
  wipe(): void {
    const buffer = this.#buffer;
    if (buffer === undefined) return;
    this.#buffer = undefined;
    sodium.sodium_mprotect_readwrite(buffer);
    sodium.sodium_memzero(buffer);
    sodium.sodium_mprotect_noaccess(buffer);
  }
}
