import Database from 'better-sqlite3';
import { WaiaasError } from '@waiaas/protocol';

/**
 * Holds an exclusive lock on the home for the life of the process. We borrow SQLite's file lock
 * (fcntl) instead of a pid-file check: the kernel releases it when the process dies, so a crash
 * never leaves a stale lock, and two starts racing each other cannot both win.
 */
export interface DaemonLock {
  release(): void;
}

export function acquireDaemonLock(lockFile: string, home: string): DaemonLock {
  const db = new Database(lockFile, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (error instanceof Error && /locked|busy/i.test(error.message)) {
      throw new WaiaasError('DAEMON__ALREADY_RUNNING', { home });
    }
    throw error;
  }
  return {
    release() {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** True when some process holds the lock, i.e. a signer is running on this home. */
export function isDaemonLocked(lockFile: string): boolean {
  try {
    acquireDaemonLock(lockFile, '').release();
    return false;
  } catch (error) {
    if (error instanceof WaiaasError && error.code === 'DAEMON__ALREADY_RUNNING') return true;
    throw error;
  }
}
