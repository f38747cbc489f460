import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { WaiaasError } from '@waiaas/protocol';
import type { z } from 'zod';

/** Keystore files are a few hundred bytes; anything far larger is not one of ours. */
const MAX_FILE_BYTES = 64 * 1024;

/**
 * Reads `dir/file` and parses it with `schema`. Refuses symlinks, non-regular files and files that
 * group or others could read (checked on the open descriptor, so the file cannot be swapped between
 * check and read). Parse and schema failures become KEYSTORE__MALFORMED.
 */
export async function readPrivateRecord<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  const text = await readPrivateFile(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WaiaasError('KEYSTORE__MALFORMED', { file, reason: 'it is not valid JSON' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new WaiaasError('KEYSTORE__MALFORMED', { file, reason: `${where}${issue?.message ?? 'invalid'}` });
  }
  return parsed.data;
}

async function readPrivateFile(dir: string, file: string): Promise<string> {
  const handle = await openNoFollow(join(dir, file), file);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new WaiaasError('KEYSTORE__MALFORMED', { file, reason: 'it is not a regular file' });
    if ((stats.mode & 0o077) !== 0) {
      const mode = `0${(stats.mode & 0o777).toString(8).padStart(3, '0')}`;
      throw new WaiaasError('KEYSTORE__INSECURE_PERMISSIONS', { file, mode });
    }
    if (stats.size > MAX_FILE_BYTES) {
      throw new WaiaasError('KEYSTORE__MALFORMED', { file, reason: `it is larger than ${MAX_FILE_BYTES} bytes` });
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

async function openNoFollow(path: string, file: string) {
  try {
    return await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WaiaasError('KEYSTORE__MALFORMED', { file, reason: 'it does not exist' });
    if (code === 'ELOOP') throw new WaiaasError('KEYSTORE__MALFORMED', { file, reason: 'it is a symbolic link' });
    throw error;
  }
}
