import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { WaiaasError } from '@waiaas/protocol';
import { createAuditLog } from '../audit/audit-log.js';
import { DEFAULT_CONFIG_TOML } from '../config/default-config.js';
import { openDatabase } from '../db/open-database.js';
import { initKeystore, type KdfParams, keystoreExists } from '../keystore/index.js';
import type { HomePaths } from './home-paths.js';

export const MIN_PASSWORD_LENGTH = 12;

export function assertStrongPassword(password: Buffer): void {
  // Length in characters, not bytes: "한국어" passwords count as people type them.
  if ([...password.toString('utf8')].length < MIN_PASSWORD_LENGTH) {
    throw new WaiaasError('PASSWORD__TOO_WEAK', { minLength: MIN_PASSWORD_LENGTH });
  }
}

/**
 * Creates $WAIAAS_HOME (0700) with config.toml, the keystore and the database. It refuses a home
 * that holds anything already, and on failure removes everything it created: no half-made homes.
 */
export async function initHome(paths: HomePaths, password: Buffer, kdf?: KdfParams): Promise<void> {
  assertStrongPassword(password);
  const existed = existsSync(paths.home);
  if (existed && (readdirSync(paths.home).length > 0 || keystoreExists(paths.keystore))) {
    throw new WaiaasError('HOME__ALREADY_INITIALIZED', { home: paths.home });
  }
  const previousUmask = process.umask(0o077);
  try {
    mkdirSync(paths.home, { recursive: true, mode: 0o700 });
    chmodSync(paths.home, 0o700);
    mkdirSync(paths.logDir, { mode: 0o700 });
    writeFileSync(paths.config, DEFAULT_CONFIG_TOML, { mode: 0o600, flag: 'wx' });
    const keystore = await initKeystore(paths.keystore, password, kdf);
    try {
      // The first audit entry is chained like every later one: the keystore holds the chain's key.
      const db = openDatabase(paths.database);
      try {
        createAuditLog(db, { auditKey: () => keystore.auditKey() }).record({ actor: 'master', action: 'home.init' });
      } finally {
        db.close();
      }
    } finally {
      keystore.lock();
    }
  } catch (error) {
    if (existed) for (const entry of readdirSync(paths.home)) rmSync(`${paths.home}/${entry}`, { recursive: true, force: true });
    else rmSync(paths.home, { recursive: true, force: true });
    throw error;
  } finally {
    process.umask(previousUmask);
  }
}

export function assertHomeInitialized(paths: HomePaths): void {
  if (!existsSync(paths.config) || !keystoreExists(paths.keystore)) {
    throw new WaiaasError('HOME__NOT_INITIALIZED', { home: paths.home });
  }
}
