import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const WAIAAS_BIN = fileURLToPath(new URL('../../signer/bin/waiaas.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (commands run with --json). */
  json: <T = Record<string, unknown>>() => T;
}

/** Runs the real `waiaas` CLI as a user would, in its own process. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, opts: { input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WAIAAS_BIN, ...args], { env: { ...cleanEnv(), ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T }),
    );
    child.stdin.end(opts.input);
  });
}

/** The test runner's environment without any WAIaaS variable a developer may have set. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WAIAAS_')));
}
