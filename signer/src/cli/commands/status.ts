import { existsSync, readFileSync } from 'node:fs';
import { agent } from '@waiaas/protocol';
import { loadConfig } from '../../config/load-config.js';
import { isDaemonLocked } from '../../home/daemon-lock.js';
import { assertHomeInitialized } from '../../home/init-home.js';
import type { HomePaths } from '../../home/home-paths.js';
import { socketRequest } from '../admin-client.js';
import type { CliContext } from '../context.js';

export const EXIT_NOT_RUNNING = 3;

export interface DaemonStatus {
  state: 'running' | 'stopped';
  home: string;
  pid: number | null;
  version: string | null;
  socket: string;
  http: string;
}

export function readPid(paths: HomePaths): number | null {
  if (!existsSync(paths.pidFile)) return null;
  const pid = Number.parseInt(readFileSync(paths.pidFile, 'utf8'), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

/** Running means: the home's lock is held and the signer answers /health on its socket. */
export async function probeStatus(paths: HomePaths): Promise<DaemonStatus> {
  assertHomeInitialized(paths);
  const config = loadConfig(paths.config);
  const base = {
    home: paths.home,
    socket: paths.socket,
    http: `http://${config.daemon.hostname}:${config.daemon.port}`,
  };
  if (!isDaemonLocked(paths.lockFile)) return { state: 'stopped', pid: null, version: null, ...base };
  try {
    const res = await socketRequest(paths.socket, 'GET', '/health');
    const health = agent.HealthResponse.parse(res.body);
    return { state: 'running', pid: readPid(paths), version: health.version, ...base };
  } catch {
    // Locked but not answering: starting up or shutting down.
    return { state: 'running', pid: readPid(paths), version: null, ...base };
  }
}

export async function statusCommand({ paths, out }: CliContext): Promise<number> {
  const status = await probeStatus(paths);
  out.result(status, () =>
    status.state === 'running'
      ? `running (pid ${status.pid ?? '?'}, version ${status.version ?? 'starting'})\n  socket ${status.socket}\n  http   ${status.http}`
      : `stopped (home ${status.home})`,
  );
  return status.state === 'running' ? 0 : EXIT_NOT_RUNNING;
}
