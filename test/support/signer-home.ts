import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli, WAIAAS_BIN } from './cli.js';
import { httpRequest } from './http.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A free loopback port (the kernel's pick, released just before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface TestHome {
  home: string;
  port: number;
  socketPath: string;
  env: NodeJS.ProcessEnv;
  cli: (...args: string[]) => ReturnType<typeof runCli>;
  remove(): void;
}

/** A fresh $WAIAAS_HOME in a temp dir, initialised with the real CLI. */
export async function createTestHome(opts: { init?: boolean } = {}): Promise<TestHome> {
  const parent = mkdtempSync(join(tmpdir(), 'waiaas-test-'));
  const home = join(parent, 'home');
  const port = await freePort();
  const env = { WAIAAS_HOME: home, WAIAAS_MASTER_PASSWORD: TEST_PASSWORD, WAIAAS_DAEMON_PORT: String(port) };
  const testHome: TestHome = {
    home,
    port,
    socketPath: join(home, 'signer.sock'),
    env,
    cli: (...args) => runCli(args, env),
    remove: () => rmSync(parent, { recursive: true, force: true }),
  };
  if (opts.init !== false) {
    const init = await testHome.cli('init', '--json');
    if (init.code !== 0) throw new Error(`waiaas init failed: ${init.stdout}${init.stderr}`);
  }
  return testHome;
}

export interface RunningSigner {
  process: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
}

/** Starts `waiaas start` in the foreground as a child process and waits until /health answers. */
export async function startSigner(home: TestHome, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningSigner> {
  const child = spawn(process.execPath, [WAIAAS_BIN, 'start'], {
    env: { ...cleanEnv(), ...home.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d));
  child.stderr?.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A test that dies before stop() (a timeout, a crash) must not leave a signer running.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  void exited.then(() => process.off('exit', reap));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`signer exited early (${child.exitCode}): ${output}`);
    try {
      const res = await httpRequest({ socketPath: home.socketPath }, 'GET', '/health');
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`signer did not become healthy: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
