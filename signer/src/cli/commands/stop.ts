import { WaiaasError } from '@waiaas/protocol';
import { loadConfig } from '../../config/load-config.js';
import type { CliContext } from '../context.js';
import { probeStatus } from './status.js';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Asks the signer to stop (SIGTERM) and waits until it has: it finishes in-flight requests, wipes
 * its keys and releases the home. The pid comes from the pid file, trusted only while the home's
 * lock is held, so a stale file can never make us signal an unrelated process.
 */
export async function stopCommand({ paths, out }: CliContext): Promise<void> {
  const status = await probeStatus(paths);
  if (status.state !== 'running' || status.pid === null) throw new WaiaasError('DAEMON__NOT_RUNNING', { home: paths.home });
  const { pid } = status;
  process.kill(pid, 'SIGTERM');
  const waitSeconds = loadConfig(paths.config).daemon.shutdown_timeout + 10;
  const deadline = Date.now() + waitSeconds * 1000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new WaiaasError('DAEMON__STOP_TIMEOUT', { pid, waitedSeconds: waitSeconds });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  out.result({ stopped: true, pid }, () => `stopped (pid ${pid})`);
}
