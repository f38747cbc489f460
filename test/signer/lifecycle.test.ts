import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { httpRequest } from '../support/http.js';
import { createTestHome, startSigner, type TestHome, TEST_PASSWORD } from '../support/signer-home.js';

const mode = (path: string) => statSync(path).mode & 0o777;
type ErrorJson = { error: { code: string; message: string } };

describe('waiaas init', () => {
  let home: TestHome;
  beforeAll(async () => {
    home = await createTestHome();
  });
  afterAll(() => home.remove());

  it('creates a 0700 home whose files are all 0600', () => {
    expect(mode(home.home)).toBe(0o700);
    expect(mode(join(home.home, 'config.toml'))).toBe(0o600);
    expect(mode(join(home.home, 'waiaas.db'))).toBe(0o600);
    expect(mode(join(home.home, 'keystore'))).toBe(0o700);
    expect(mode(join(home.home, 'keystore', 'master.json'))).toBe(0o600);
    expect(readFileSync(join(home.home, 'config.toml'), 'utf8')).toContain('port = 3100');
  });

  it('refuses to overwrite an existing home', async () => {
    const before = readFileSync(join(home.home, 'keystore', 'master.json'));
    const result = await home.cli('init', '--json');
    expect(result.code).toBe(1);
    expect(result.json<ErrorJson>().error.code).toBe('HOME__ALREADY_INITIALIZED');
    expect(readFileSync(join(home.home, 'keystore', 'master.json')).equals(before)).toBe(true);
  });

  it('refuses a password shorter than 12 characters and creates nothing', async () => {
    const fresh = await createTestHome({ init: false });
    const result = await runCli(['init'], { ...fresh.env, WAIAAS_MASTER_PASSWORD: 'short-pass1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error PASSWORD__TOO_WEAK: The master password must be at least 12 characters long.\n');
    expect(() => readdirSync(fresh.home)).toThrow();
    fresh.remove();
  });

  it('reads the password from WAIAAS_MASTER_PASSWORD_FILE', async () => {
    const fresh = await createTestHome({ init: false });
    const file = join(fresh.home, '..', 'password.txt');
    writeFileSync(file, `${TEST_PASSWORD}\n`, { mode: 0o600 });
    const env = { ...fresh.env, WAIAAS_MASTER_PASSWORD: undefined, WAIAAS_MASTER_PASSWORD_FILE: file };
    expect((await runCli(['init'], env)).code).toBe(0);
    const signer = await startSigner(fresh);
    expect(await signer.stop()).toBe(0);
    fresh.remove();
  });

  it('without a password source or terminal, says how to give one', async () => {
    const fresh = await createTestHome({ init: false });
    const result = await runCli(['init', '--json'], { ...fresh.env, WAIAAS_MASTER_PASSWORD: undefined });
    expect(result.code).toBe(1);
    expect(result.json<ErrorJson>().error.code).toBe('PASSWORD__UNAVAILABLE');
    fresh.remove();
  });
});

describe('waiaas start / status / stop', () => {
  let home: TestHome;
  beforeAll(async () => {
    home = await createTestHome();
  });
  afterAll(() => home.remove());

  it('reports a stopped signer with exit code 3', async () => {
    const result = await home.cli('status', '--json');
    expect(result.code).toBe(3);
    expect(result.json()).toMatchObject({ state: 'stopped' });
  });

  it('starts in the background, refuses a second start, and stops gracefully', async () => {
    const started = await home.cli('start', '--daemon', '--json');
    expect(started.code, started.stdout + started.stderr).toBe(0);
    const { pid } = started.json<{ pid: number }>();
    expect(readFileSync(join(home.home, 'signer.pid'), 'utf8').trim()).toBe(String(pid));
    expect(statSync(home.socketPath).isSocket()).toBe(true);
    expect(mode(home.socketPath)).toBe(0o600);

    const status = await home.cli('status', '--json');
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({ state: 'running', pid, version: '0.1.0' });

    for (const args of [['start', '--json'], ['start', '--daemon', '--json']]) {
      const second = await home.cli(...args);
      expect(second.code).toBe(1);
      expect(second.json<ErrorJson>().error.code).toBe('DAEMON__ALREADY_RUNNING');
    }
    const health = await httpRequest({ host: '127.0.0.1', port: home.port }, 'GET', '/health', {
      headers: { host: `127.0.0.1:${home.port}` },
    });
    expect(health.status).toBe(200);

    const stopped = await home.cli('stop', '--json');
    expect(stopped.code).toBe(0);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(() => statSync(home.socketPath)).toThrow();
    expect(() => statSync(join(home.home, 'signer.pid'))).toThrow();
    expect((await home.cli('status')).code).toBe(3);
  });

  it('says so when asked to stop a signer that is not running', async () => {
    const result = await home.cli('stop', '--json');
    expect(result.code).toBe(1);
    expect(result.json<ErrorJson>().error.code).toBe('DAEMON__NOT_RUNNING');
  });

  it('refuses to start with a wrong password and changes nothing', async () => {
    const keystore = join(home.home, 'keystore', 'master.json');
    const before = readFileSync(keystore);
    const result = await runCli(['start', '--json'], { ...home.env, WAIAAS_MASTER_PASSWORD: 'not the right password' });
    expect(result.code).toBe(1);
    expect(result.json<ErrorJson>().error).toMatchObject({
      code: 'KEYSTORE__WRONG_PASSWORD',
      message: 'The master password is wrong (or the keystore master record was altered).',
    });
    expect(readFileSync(keystore).equals(before)).toBe(true);
    expect((await home.cli('status')).code).toBe(3);
  });

  it('stop lets a request that is already in flight finish', async () => {
    const signer = await startSigner(home);
    // A master login runs Argon2id (~0.1 s or more), long enough to stop the signer in its middle.
    const login = httpRequest({ socketPath: home.socketPath }, 'POST', '/v1/admin/auth', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: TEST_PASSWORD }),
    });
    await new Promise((r) => setTimeout(r, 20));
    const exited = signer.stop();
    const res = await login;
    expect(res.status).toBe(200);
    expect(await exited).toBe(0);
    expect(signer.output()).toContain('"message":"signer stopped"');
  });

  it('a crashed signer leaves no lock behind', async () => {
    const signer = await startSigner(home);
    signer.process.kill('SIGKILL');
    await signer.stop();
    const again = await startSigner(home);
    expect(await again.stop()).toBe(0);
  });

  it('refuses a home that was never initialised', async () => {
    const fresh = await createTestHome({ init: false });
    const result = await runCli(['start', '--json'], fresh.env);
    expect(result.code).toBe(1);
    expect(result.json<ErrorJson>().error.code).toBe('HOME__NOT_INITIALIZED');
    fresh.remove();
  });

  it('refuses a config that would listen beyond loopback', async () => {
    const result = await runCli(['start', '--json'], { ...home.env, WAIAAS_DAEMON_HOSTNAME: '0.0.0.0' });
    expect(result.code).toBe(1);
    expect(result.json<ErrorJson>().error.code).toBe('CONFIG__NOT_LOOPBACK');
  });

  it('refuses a misspelt config override instead of ignoring it', async () => {
    const result = await runCli(['start', '--json'], { ...home.env, WAIAAS_DAEMON_PROT: '4000' });
    expect(result.code).toBe(1);
    expect(result.json<ErrorJson>().error).toMatchObject({
      code: 'CONFIG__INVALID',
      message: 'Configuration from WAIAAS_DAEMON_PROT is invalid: daemon has no key "prot".',
    });
  });

  it('unknown commands and options are usage errors with a code', async () => {
    const result = await home.cli('wallet', 'explode', '--json');
    expect(result.code).toBe(2);
    expect(result.json<ErrorJson>().error.code).toBe('CLI__USAGE');
    const help = await home.cli('session', 'create', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-per-tx <amount>');
  });

  it('a stopped signer answers nothing on its port', async () => {
    await expect(httpRequest({ host: '127.0.0.1', port: home.port }, 'GET', '/health')).rejects.toThrow();
  });

  it('refuses to start when a key file was tampered with, and changes nothing', async () => {
    const signer = await startSigner(home);
    const created = await home.cli('wallet', 'create', '--chain', 'solana', '--json');
    expect(created.code, created.stderr).toBe(0);
    expect(await signer.stop()).toBe(0);
    const keysDir = join(home.home, 'keystore', 'keys');
    const [file] = readdirSync(keysDir);
    const path = join(keysDir, file ?? '');
    const original = readFileSync(path);
    const record = JSON.parse(original.toString('utf8')) as { cipher: { ciphertext: string } };
    const bytes = Buffer.from(record.cipher.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    record.cipher.ciphertext = bytes.toString('base64');
    const tampered = Buffer.from(JSON.stringify(record));
    writeFileSync(path, tampered);

    const result = await home.cli('start', '--json');
    expect(result.code).toBe(1);
    expect(result.json<ErrorJson>().error.code).toBe('KEYSTORE__TAMPERED');
    expect(readFileSync(path).equals(tampered)).toBe(true);
    expect((await home.cli('status')).code).toBe(3);

    writeFileSync(path, original);
    const restored = await startSigner(home);
    expect(await restored.stop()).toBe(0);
  });
});
