import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalSolana, startLocalSolana } from '../chains/solana/local-solana.js';
import { agentClient } from './agent.js';
import { type RpcProxy, startRpcProxy } from './rpc-proxy.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from './signer-home.js';

export interface SolanaSigner {
  chain: LocalSolana;
  proxy: RpcProxy;
  home: TestHome;
  /** The running daemon (replaced by restart()). */
  readonly signer: RunningSigner;
  restart(): Promise<void>;
  /** A wallet on `local-solana` funded with `lamports`; returns its address. */
  newWallet(name: string, lamports?: bigint): Promise<string>;
  /** A funded wallet with a session for its agent. */
  newAgent(name: string, opts?: { lamports?: bigint; sessionArgs?: string[] }): Promise<ReturnType<typeof agentClient>>;
  stop(): Promise<void>;
}

/**
 * A signer daemon on a temp home whose network `local-solana` is LiteSVM behind JSON-RPC (and an
 * RPC proxy): the Solana twin of startEvmSigner.
 */
export async function startSolanaSigner(env: NodeJS.ProcessEnv = {}): Promise<SolanaSigner> {
  const chain = await startLocalSolana();
  const proxy = await startRpcProxy(chain.url);
  const home = await createTestHome();
  appendFileSync(join(home.home, 'config.toml'), `\n[networks.local-solana]\nfamily = "solana"\nrpc_url = "${proxy.url}"\n`);
  let signer = await startSigner(home, env);
  const newWallet = async (name: string, lamports = 10n * 1_000_000_000n) => {
    const created = await home.cli('wallet', 'create', '--chain', 'solana', '--network', 'local-solana', '--name', name, '--json');
    if (created.code !== 0) throw new Error(`wallet create failed: ${created.stdout}${created.stderr}`);
    const address = created.json<{ wallet: { address: string } }>().wallet.address;
    await chain.airdrop(address, lamports);
    return address;
  };
  return {
    chain,
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
      await newWallet(name, opts.lamports);
      const session = await home.cli('session', 'create', '--wallet', name, ...(opts.sessionArgs ?? []), '--json');
      if (session.code !== 0) throw new Error(`session create failed: ${session.stdout}${session.stderr}`);
      return agentClient(home.socketPath, session.json<{ token: string }>().token);
    },
    async stop() {
      await signer.stop();
      await proxy.stop();
      await chain.stop();
      home.remove();
    },
  };
}
