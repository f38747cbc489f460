import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAddress } from 'viem';
import { type Anvil, startAnvil } from '../chains/evm/start-anvil.js';
import { agentClient } from './agent.js';
import { type RpcProxy, startRpcProxy } from './rpc-proxy.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from './signer-home.js';

export interface EvmSigner {
  anvil: Anvil;
  /** Sits between the signer and anvil, so a test can make the node look down. */
  proxy: RpcProxy;
  home: TestHome;
  /** The running daemon (replaced by restart()). */
  readonly signer: RunningSigner;
  restart(): Promise<void>;
  /** A funded wallet on the local network; returns its address. */
  newWallet(name: string, wei?: bigint): Promise<string>;
  /** A funded wallet on the local network with a session for its agent. */
  newAgent(name: string, opts?: { wei?: bigint; sessionArgs?: string[] }): Promise<ReturnType<typeof agentClient>>;
  stop(): Promise<void>;
}

/**
 * A signer daemon on a temp home whose network `local-evm` is a fresh anvil chain behind an RPC
 * proxy: the setup most end-to-end EVM tests share.
 */
export async function startEvmSigner(env: NodeJS.ProcessEnv = {}): Promise<EvmSigner> {
  const anvil = await startAnvil();
  const proxy = await startRpcProxy(anvil.url);
  const home = await createTestHome();
  appendFileSync(join(home.home, 'config.toml'), `\n[networks.local-evm]\nfamily = "evm"\nrpc_url = "${proxy.url}"\nchain_id = ${anvil.chainId}\n`);
  let signer = await startSigner(home, env);
  const newWallet = async (name: string, wei = 10n ** 20n) => {
    const created = await home.cli('wallet', 'create', '--chain', 'evm', '--network', 'local-evm', '--name', name, '--json');
    if (created.code !== 0) throw new Error(`wallet create failed: ${created.stdout}${created.stderr}`);
    const address = getAddress(created.json<{ wallet: { address: string } }>().wallet.address);
    await anvil.fund(address, wei);
    return address;
  };
  return {
    anvil,
    proxy,
    home,
    get signer() {
      return signer;
    },
    async restart() {
      await signer.stop();
      signer = await startSigner(home, env);
    },
    newWallet,
    async newAgent(name, opts = {}) {
      await newWallet(name, opts.wei);
      const session = await home.cli('session', 'create', '--wallet', name, ...(opts.sessionArgs ?? []), '--json');
      return agentClient(home.socketPath, session.json<{ token: string }>().token);
    },
    async stop() {
      await signer.stop();
      await proxy.stop();
      await anvil.stop();
      home.remove();
    },
  };
}
