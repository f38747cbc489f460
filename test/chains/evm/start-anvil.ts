import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { type Address, type PublicClient, type TestClient, createPublicClient, createTestClient, http } from 'viem';
import { getBalance, setBalance } from 'viem/actions';
import { freePort } from '../../support/signer-home.js';

export interface Anvil {
  url: string;
  chainId: number;
  /** Reads: use with viem's tree-shakable actions, `getBalance(anvil.client, …)`. */
  client: PublicClient;
  /** anvil_* and evm_* cheat codes (setBalance, mine, setAutomine, …). */
  testClient: TestClient<'anvil'>;
  /** Adds `wei` to the balance of `address` (anvil_setBalance, so no dev account pays). */
  fund(address: Address, wei: bigint): Promise<void>;
  /** SIGTERM, then SIGKILL after 3 s; resolves once the process is gone. Safe to call twice. */
  stop(): Promise<void>;
}

export const ANVIL_CHAIN_ID = 31337;
const READY_TIMEOUT_MS = 15_000;

/**
 * Starts anvil from the @foundry-rs/anvil npm package on 127.0.0.1 with a free port, and waits until
 * it answers eth_chainId. Each call is its own chain, so test files can run in parallel.
 */
export async function startAnvil(opts: { chainId?: number } = {}): Promise<Anvil> {
  const chainId = opts.chainId ?? ANVIL_CHAIN_ID;
  // freePort releases the port before anvil binds it; another process could take it meanwhile.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(anvilBinary(), ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilAnswering(url, child);
      return connect(url, chainId, child);
    } catch (error) {
      await kill(child);
      if (attempt >= 3) throw new Error(`anvil did not start: ${String(error)}\n${stderr}`);
    }
  }
}

function connect(url: string, chainId: number, child: ChildProcess): Anvil {
  // If the test worker dies without stop(), the chain must not outlive it.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const transport = http(url, { retryCount: 0 });
  const client = createPublicClient({ transport });
  const testClient = createTestClient({ mode: 'anvil', transport });
  return {
    url,
    chainId,
    client,
    testClient,
    async fund(address, wei) {
      const balance = await getBalance(client, { address });
      await setBalance(testClient, { address, value: balance + wei });
    },
    async stop() {
      process.off('exit', killOnExit);
      await kill(child);
    },
  };
}

/** The platform binary itself, not the package's node wrapper: a signal then reaches anvil. */
function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  const wrapper = require.resolve('@foundry-rs/anvil/package.json');
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return createRequire(wrapper).resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/anvil`);
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`anvil exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`anvil did not answer on ${url} within ${READY_TIMEOUT_MS} ms`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}
