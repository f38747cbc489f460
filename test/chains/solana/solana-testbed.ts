/*
 * The Solana adapter against the local LiteSVM node, with a wallet from a real keystore. Tests
 * count signatures and RPC calls to prove that refusals happen before anything is signed or sent.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSigner } from '@solana/kit';
import { isWaiaasError, type WaiaasError } from '@waiaas/protocol';
import type { ChainAdapter, Network, TransactionIntent } from '../../../signer/src/chain/chain-adapter.js';
import { type SolanaAdapterOptions, createSolanaAdapter } from '../../../signer/src/chain/solana/index.js';
import { type SolanaSigner, initKeystore } from '../../../signer/src/keystore/index.js';
import { type LocalSolana, startLocalSolana } from './local-solana.js';

export const LAMPORTS_PER_SOL = 1_000_000_000n;
export const FEE = 5_000n;

export interface SolanaTestbed {
  chain: LocalSolana;
  network: Network;
  adapter: ChainAdapter;
  /** The wallet's signer; every signMessage call is counted in `signatures`. */
  wallet: SolanaSigner;
  readonly signatures: number;
  /** build → sign → submit, returning the signed transaction. */
  send(intent: TransactionIntent): Promise<Awaited<ReturnType<ChainAdapter['sign']>>>;
  /** An adapter with other options on the same network. */
  adapterWith(opts: SolanaAdapterOptions): ChainAdapter;
  close(): Promise<void>;
}

/** A local chain, a keystore wallet funded with `lamports` (default 10 SOL), and its adapter. */
export async function startSolanaTestbed(lamports = 10n * LAMPORTS_PER_SOL): Promise<SolanaTestbed> {
  const chain = await startLocalSolana();
  const dir = mkdtempSync(join(tmpdir(), 'waiaas-solana-'));
  const keystore = await initKeystore(join(dir, 'keystore'), Buffer.from('correct horse battery staple'));
  const walletId = randomUUID();
  await keystore.createKey(walletId, 'solana');
  const signer = keystore.signerFor(walletId);
  if (signer.chain !== 'solana') throw new Error('expected a Solana signer');
  let signatures = 0;
  const wallet: SolanaSigner = {
    walletId: signer.walletId,
    chain: 'solana',
    address: signer.address,
    get publicKey() {
      return signer.publicKey;
    },
    signMessage: (message) => {
      signatures += 1;
      return signer.signMessage(message);
    },
  };
  await chain.airdrop(wallet.address, lamports);
  const network: Network = { name: 'solana-local', family: 'solana', rpcUrl: chain.url };
  const adapter = createSolanaAdapter(network);
  return {
    chain,
    network,
    adapter,
    wallet,
    get signatures() {
      return signatures;
    },
    async send(intent) {
      const signed = await adapter.sign(await adapter.build(wallet.address, intent), wallet);
      await adapter.submit(signed);
      return signed;
    },
    adapterWith: (opts) => createSolanaAdapter(network, opts),
    async close() {
      keystore.lock();
      await chain.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const newAddress = async (): Promise<string> => (await generateKeyPairSigner()).address;

/** Awaits `action` and returns the WaiaasError it throws (fails the test otherwise). */
export async function caught(action: Promise<unknown>): Promise<WaiaasError> {
  try {
    await action;
  } catch (error) {
    if (isWaiaasError(error)) return error;
    throw error;
  }
  throw new Error('expected a WaiaasError, but nothing was thrown');
}
