import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caught } from './keystore-fixture.js';
import { GuardedBytes } from './guarded-bytes.js';

describe('GuardedBytes', () => {
  it('gives the bytes to a read window, including nested windows', () => {
    const bytes = GuardedBytes.create(4, (b) => b.set([1, 2, 3, 4]));
    const sum = bytes.read((outer) => outer[0]! + bytes.read((inner) => inner[3]!) + outer[1]!);
    expect(sum).toBe(7);
  });

  it('zeroes the heap copy it takes bytes from', () => {
    const temporary = Buffer.from([9, 9, 9]);
    const bytes = GuardedBytes.takeFrom(temporary);
    expect([...temporary]).toEqual([0, 0, 0]);
    expect(bytes.read((b) => [...b])).toEqual([9, 9, 9]);
  });

  it('answers KEYSTORE__LOCKED once wiped, and wipes only once', async () => {
    const bytes = GuardedBytes.create(4, (b) => b.fill(1));
    bytes.wipe();
    bytes.wipe();
    expect(bytes.wiped).toBe(true);
    expect((await caught(() => bytes.read((b) => b.length))).code).toBe('KEYSTORE__LOCKED');
  });

  it('makes the bytes no-access outside a read window: touching them kills the process', () => {
    const module = fileURLToPath(new URL('./guarded-bytes.ts', import.meta.url));
    const script = [
      `const { GuardedBytes } = await import(${JSON.stringify(module)});`,
      'const bytes = GuardedBytes.create(32, (b) => b.fill(7));',
      'let leaked; bytes.read((b) => { leaked = b; });',
      'console.log("inside", bytes.read((b) => b[0]));',
      'console.log("outside", leaked[0]);',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(child.stdout).toBe('inside 7\n');
    expect(child.signal).toMatch(/^SIG(SEGV|BUS)$/);
  });
});
