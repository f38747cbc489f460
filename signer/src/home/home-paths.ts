import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Every file the signer keeps, relative to $WAIAAS_HOME. */
export interface HomePaths {
  home: string;
  config: string;
  database: string;
  keystore: string;
  socket: string;
  pidFile: string;
  lockFile: string;
  logDir: string;
}

export function resolveHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.WAIAAS_HOME || join(homedir(), '.waiaas'));
}

export function homePaths(home: string): HomePaths {
  return {
    home,
    config: join(home, 'config.toml'),
    database: join(home, 'waiaas.db'),
    keystore: join(home, 'keystore'),
    socket: join(home, 'signer.sock'),
    pidFile: join(home, 'signer.pid'),
    lockFile: join(home, 'signer.lock'),
    logDir: join(home, 'logs'),
  };
}
