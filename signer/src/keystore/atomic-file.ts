import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteOptions {
  /**
   * false: fail with EEXIST if `path` exists. Key files are written this way, so no bug or race can
   * ever overwrite a wallet's key: the temp file is hard-linked into place, which is atomic and
   * refuses to clobber, where rename would silently replace.
   */
  replace: boolean;
}

/**
 * Writes `data` to `path` (mode 0600) so that a crash leaves either the old state or the complete
 * new file, never a torn one: temp file in the same directory, fsync, rename (or link), fsync the
 * directory so the new name itself is durable.
 */
export async function writeFileAtomic(path: string, data: string, options: WriteOptions): Promise<void> {
  const directory = dirname(path);
  const temp = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.replace) {
      await rename(temp, path);
    } else {
      await link(temp, path);
      await rm(temp);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `writeFileAtomic` for a keystore record: pretty JSON, one trailing newline. */
export function writeRecordAtomic(dir: string, file: string, record: object, options: WriteOptions): Promise<void> {
  return writeFileAtomic(join(dir, file), `${JSON.stringify(record, null, 2)}\n`, options);
}
