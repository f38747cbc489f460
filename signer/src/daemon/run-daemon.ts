import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { WaiaasError } from '@waiaas/protocol';
import { loadConfig } from '../config/load-config.js';
import { openDatabase } from '../db/open-database.js';
import { acquireDaemonLock } from '../home/daemon-lock.js';
import type { HomePaths } from '../home/home-paths.js';
import { assertHomeInitialized } from '../home/init-home.js';
import { unlockKeystore } from '../keystore/index.js';
import { createLogger, type Logger } from '../log/logger.js';
import { listen } from '../server/listeners.js';
import { createDaemon } from './create-daemon.js';
import { SIGNER_VERSION } from './version.js';

export interface RunningDaemon {
  socketPath: string;
  tcpAddress: { host: string; port: number };
  /** Graceful stop: in-flight requests finish, keys are wiped, files released. Idempotent. */
  stop(reason: string): Promise<void>;
  stopped: Promise<void>;
}

/**
 * Start-up in order, each step undone if a later one fails: lock the home, read config, unlock the
 * keystore (the one Argon2 run), open and migrate the database, wire services, listen.
 */
export async function runDaemon(paths: HomePaths, password: Buffer, logOverride?: Logger): Promise<RunningDaemon> {
  process.umask(0o077);
  assertHomeInitialized(paths);
  const config = loadConfig(paths.config);
  const log = logOverride ?? createLogger(config.daemon.log_level);
  const lock = acquireDaemonLock(paths.lockFile, paths.home);
  const undo: (() => void)[] = [() => lock.release()];
  try {
    const keystore = await unlockKeystore(paths.keystore, password);
    undo.unshift(() => keystore.lock());
    const db = openDatabase(paths.database);
    undo.unshift(() => db.close());
    const services = createDaemon({ config, db, keystore, log, version: SIGNER_VERSION });
    const listeners = await listen({
      socketPath: paths.socket,
      host: config.daemon.hostname,
      port: config.daemon.port,
      socketApp: services.socketApp,
      tcpApp: services.tcpApp,
      tcpUpgrade: services.ownerChannel.handleUpgrade,
    });
    const settled = services.reconcile();
    if (settled > 0) log.info('settled budget reservations left by a previous run', { count: settled });
    // Resume every unfinished transaction from its last persisted stage.
    services.pipeline.start();
    // Deliveries to ntfy / the webhook still owed from a previous run go out now.
    services.notifier.start();
    writeFileSync(paths.pidFile, `${process.pid}\n`, { mode: 0o600 });
    services.audit.record({ actor: 'system', action: 'daemon.start', details: { pid: process.pid } });
    log.info('signer started', { socket: listeners.socketPath, tcp: listeners.tcpAddress, pid: process.pid });

    let resolveStopped: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => {
      resolveStopped = resolve;
    });
    let stopping: Promise<void> | undefined;
    const stop = (reason: string) => {
      stopping ??= (async () => {
        log.info('signer stopping', { reason });
        services.ownerChannel.close();
        await listeners.close(config.daemon.shutdown_timeout * 1000);
        await services.pipeline.stop();
        await services.notifier.stop();
        services.audit.record({ actor: 'system', action: 'daemon.stop', details: { reason } });
        for (const step of undo) step();
        if (existsSync(paths.pidFile)) rmSync(paths.pidFile, { force: true });
        log.info('signer stopped');
        resolveStopped();
      })();
      return stopping;
    };
    return { socketPath: listeners.socketPath, tcpAddress: listeners.tcpAddress, stop, stopped };
  } catch (error) {
    for (const step of undo) step();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new WaiaasError('DAEMON__START_FAILED', {
        reason: `port ${config.daemon.port} on ${config.daemon.hostname} is in use (set daemon.port or WAIAAS_DAEMON_PORT)`,
      });
    }
    throw error;
  }
}
