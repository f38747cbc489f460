import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-file.js';
import { removeDir, tempDir } from './keystore-fixture.js';

describe('writeFileAtomic', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it('writes a 0600 file and leaves no temp file behind', async () => {
    await writeFileAtomic(join(dir, 'a.json'), '{"a":1}\n', { replace: false });
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}\n');
    expect(statSync(join(dir, 'a.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('without replace, refuses an existing file with EEXIST and leaves it untouched', async () => {
    const write = writeFileAtomic(join(dir, 'a.json'), 'other', { replace: false });
    await expect(write).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('with replace, swaps the whole file in', async () => {
    writeFileSync(join(dir, 'b.json'), 'old', { mode: 0o644 });
    await writeFileAtomic(join(dir, 'b.json'), 'new', { replace: true });
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'b.json')).mode & 0o777).toBe(0o600);
  });
});
