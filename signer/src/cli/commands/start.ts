import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorResponse, WaiaasError } from '@waiaas/protocol';
import { acquireDaemonLock } from '../../home/daemon-lock.js';
import { assertHomeInitialized } from '../../home/init-home.js';
import { runDaemon } from '../../daemon/run-daemon.js';
import type { CliContext } from '../context.js';
import { readMasterPassword, readPasswordFromStdin } from '../read-password.js';

const BIN = fileURLToPath(new URL('../../../bin/waiaas.mjs', import.meta.url));
const READY_TIMEOUT_MS = 120_000;

type ChildMessage = { type: 'ready'; pid: number; socket: string; http: string } | { type: 'failed'; error: ErrorResponse };

export async function startCommand(ctx: CliContext, opts: { daemon?: boolean; passwordStdin?: boolean }): Promise<void> {
  assertHomeInitialized(ctx.paths);
  const password = opts.passwordStdin ? await readPasswordFromStdin() : await readMasterPassword({ confirm: false });
  if (opts.daemon) return startDetached(ctx, password);
  return startForeground(ctx, password);
}

async function startForeground({ paths, out }: CliContext, password: Buffer): Promise<void> {
  let daemon: Awaited<ReturnType<typeof runDaemon>>;
  try {
    daemon = await runDaemon(paths, password);
  } catch (error) {
    if (process.send) process.send({ type: 'failed', error: toWire(error) } satisfies ChildMessage);
    throw error;
  } finally {
    password.fill(0);
  }
  const http = `http://${daemon.tcpAddress.host}:${daemon.tcpAddress.port}`;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void daemon.stop(signal));
  if (process.send) {
    // Started by `start --daemon`: report readiness to the parent, then stand alone.
    process.send({ type: 'ready', pid: process.pid, socket: daemon.socketPath, http } satisfies ChildMessage);
    process.disconnect();
  } else {
    out.info(`WAIaaS signer running (pid ${process.pid})\n  socket ${daemon.socketPath}\n  http   ${http}\nCtrl-C stops it.`);
  }
  await daemon.stopped;
}

/**
 * Detaches a child running the foreground signer. The password goes to the child through a pipe
 * on its stdin, never through its environment or arguments, which other processes can read.
 */
async function startDetached({ paths, out }: CliContext, password: Buffer): Promise<void> {
  // Fail fast, in the terminal, if a signer already holds the home.
  acquireDaemonLock(paths.lockFile, paths.home).release();
  mkdirSync(paths.logDir, { recursive: true, mode: 0o700 });
  const logFile = join(paths.logDir, 'signer.log');
  const logFd = openSync(logFile, 'a', 0o600);
  const env: NodeJS.ProcessEnv = { ...process.env, WAIAAS_HOME: paths.home };
  delete env.WAIAAS_MASTER_PASSWORD;
  delete env.WAIAAS_MASTER_PASSWORD_FILE;
  const child = spawn(process.execPath, [BIN, 'start', '--password-stdin'], {
    detached: true,
    env,
    stdio: ['pipe', logFd, logFd, 'ipc'],
  });
  closeSync(logFd);
  child.stdin?.end(password);
  password.fill(0);

  const message = await new Promise<ChildMessage>((resolve, reject) => {
    const timer = setTimeout(() => reject(startFailed('it did not report ready in time', logFile)), READY_TIMEOUT_MS);
    child.once('message', (m: ChildMessage) => {
      clearTimeout(timer);
      resolve(m);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(startFailed(`it exited with code ${code}`, logFile));
    });
  });
  child.removeAllListeners();
  if (message.type === 'failed') throw WaiaasError.fromResponse(message.error);
  child.disconnect?.();
  child.unref();
  out.result({ pid: message.pid, socket: message.socket, http: message.http, log: logFile }, () =>
    `WAIaaS signer started in the background (pid ${message.pid})\n  socket ${message.socket}\n  http   ${message.http}\n  log    ${logFile}`,
  );
}

const startFailed = (reason: string, log: string) => new WaiaasError('DAEMON__START_FAILED', { reason, log });

function toWire(error: unknown): ErrorResponse {
  if (error instanceof WaiaasError) return error.toResponse();
  return new WaiaasError('DAEMON__START_FAILED', { reason: error instanceof Error ? error.message : String(error) }).toResponse();
}
