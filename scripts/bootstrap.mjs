#!/usr/bin/env node
// The two set-up commands of the README, runnable with nothing but Node and npm:
//   npm start  → install, build the extension, initialise ~/.waiaas if needed, run the signer
//   npm test   → install, type-check, build the extension, run every test
// It installs pnpm itself if missing and points native builds at the machine's Node headers.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.21.0';
const mode = process.argv[2];
if (mode !== 'run' && mode !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs run|test');
  process.exit(2);
}

// node-gyp would otherwise try to download Node's headers, which offline machines cannot.
const env = { ...process.env };
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

function run(command, args, opts = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit', ...opts });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result;
}

function pnpmCommand() {
  try {
    const version = execFileSync('pnpm', ['--version'], { env, encoding: 'utf8' }).trim();
    if (version.startsWith('12.')) return ['pnpm', []];
  } catch {
    // not installed
  }
  const installed = spawnSync('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`], { env, stdio: 'inherit' });
  if (installed.status === 0) return ['pnpm', []];
  // No rights to install globally: run it through npx instead.
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

const [pnpm, pnpmArgs] = pnpmCommand();
const p = (...args) => run(pnpm, [...pnpmArgs, ...args]);

p('install', '--frozen-lockfile');

if (mode === 'test') {
  p('run', 'typecheck');
  p('run', 'build:extension');
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  const report = join(ROOT, 'test-artifacts', 'vitest.json');
  const vitest = spawnSync(pnpm, [...pnpmArgs, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (existsSync(report)) {
    const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
    // A plain closing line that any CI can read.
    console.log(`\nvitest: ${numPassedTests} passed, ${numFailedTests} failed${numPendingTests ? `, ${numPendingTests} skipped` : ''}`);
  }
  process.exit(vitest.status ?? 1);
}

// mode === 'run'
p('run', 'build:extension');
const home = env.WAIAAS_HOME || join(homedir(), '.waiaas');
if (!existsSync(join(home, 'keystore', 'master.json'))) {
  console.log(`\nFirst run: creating the WAIaaS home at ${home}. Choose a master password (at least 12 characters).`);
  p('run', 'waiaas', 'init');
}
console.log(`
The Owner companion extension is built and ready to load unpacked:
  Chrome:  chrome://extensions → Developer mode → Load unpacked → ${join(ROOT, 'extension/.output/chrome-mv3')}
  Firefox: about:debugging#/runtime/this-firefox → Load Temporary Add-on → ${join(ROOT, 'extension/.output/firefox-mv3/manifest.json')}
Starting the signer (Ctrl-C stops it)…
`);
p('run', 'waiaas', 'start');
