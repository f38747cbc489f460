import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { WaiaasError } from '@waiaas/protocol';

/**
 * The master password, from WAIAAS_MASTER_PASSWORD, WAIAAS_MASTER_PASSWORD_FILE, or a prompt on
 * the terminal (`confirm` asks twice). Returned as a Buffer so callers can wipe it after use.
 */
export async function readMasterPassword(opts: { confirm: boolean; env?: NodeJS.ProcessEnv }): Promise<Buffer> {
  const env = opts.env ?? process.env;
  if (env.WAIAAS_MASTER_PASSWORD) return Buffer.from(env.WAIAAS_MASTER_PASSWORD, 'utf8');
  if (env.WAIAAS_MASTER_PASSWORD_FILE) return readPasswordFile(env.WAIAAS_MASTER_PASSWORD_FILE);
  if (!process.stdin.isTTY) throw new WaiaasError('PASSWORD__UNAVAILABLE');
  const first = await prompt('Master password: ');
  if (!opts.confirm) return first;
  const second = await prompt('Repeat the master password: ');
  const same = first.equals(second);
  second.fill(0);
  if (!same) {
    first.fill(0);
    throw new WaiaasError('PASSWORD__MISMATCH');
  }
  return first;
}

function readPasswordFile(path: string): Buffer {
  if ((statSync(path).mode & 0o077) !== 0) {
    process.stderr.write(`warning: ${path} is readable by other users; chmod 600 it.\n`);
  }
  const content = readFileSync(path);
  // Editors add a final newline; it is never part of the password.
  let end = content.length;
  while (end > 0 && (content[end - 1] === 0x0a || content[end - 1] === 0x0d)) end--;
  const password = Buffer.from(content.subarray(0, end));
  content.fill(0);
  return password;
}

/** Reads everything from stdin: how `start --daemon` hands the password to its child. */
export async function readPasswordFromStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks);
  for (const chunk of chunks) chunk.fill(0);
  return password;
}

function prompt(question: string): Promise<Buffer> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(Buffer.from(answer, 'utf8'));
    });
    muted = true;
  });
}
