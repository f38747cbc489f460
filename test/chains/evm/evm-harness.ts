import { type TransactionReceipt, isHex, parseEther } from 'viem';
import { waitForTransactionReceipt } from 'viem/actions';
import { expect } from 'vitest';
import type { ChainAdapter, Network, SignedTransaction, TransactionIntent, UnsignedTransaction } from '../../../signer/src/chain/chain-adapter.js';
import { type EvmAdapterOptions, createEvmAdapter } from '../../../signer/src/chain/evm/index.js';
import type { EvmSigner } from '../../../signer/src/keystore/index.js';
import { type EvmWallets, createEvmWallets } from './evm-wallets.js';
import { type Anvil, startAnvil } from './start-anvil.js';

export interface EvmHarness {
  anvil: Anvil;
  network: Network;
  adapter: ChainAdapter;
  wallets: EvmWallets;
  /** A new keystore wallet holding `wei` (default 10 ETH). */
  wallet(wei?: bigint): Promise<EvmSigner>;
  /** build → (JSON) → sign through the adapter, nothing sent. */
  signed(signer: EvmSigner, intent: TransactionIntent): Promise<SignedTransaction>;
  /** build → sign → submit through the adapter, then waits for the receipt. */
  send(signer: EvmSigner, intent: TransactionIntent): Promise<Sent>;
  close(): Promise<void>;
}

export interface Sent {
  signed: SignedTransaction;
  receipt: TransactionReceipt;
  /** What the sender paid for gas: gas used × effective gas price, from the receipt. */
  fee: bigint;
}

/** A fresh anvil, a real keystore and an adapter on a network named "anvil". */
export async function startEvmHarness(opts: EvmAdapterOptions = {}): Promise<EvmHarness> {
  const anvil = await startAnvil();
  const wallets = await createEvmWallets();
  const network: Network = { name: 'anvil', family: 'evm', rpcUrl: anvil.url, chainId: anvil.chainId };
  const adapter = createEvmAdapter(network, opts);
  const signed = async (signer: EvmSigner, intent: TransactionIntent) =>
    adapter.sign(persisted(await adapter.build(signer.address, intent)), signer);
  return {
    anvil,
    network,
    adapter,
    wallets,
    async wallet(wei = parseEther('10')) {
      const signer = await wallets.create();
      await anvil.fund(signer.address, wei);
      return signer;
    },
    signed,
    async send(signer, intent) {
      const sent = await signed(signer, intent);
      await adapter.submit(sent);
      const receipt = await mined(anvil, sent.hash);
      return { signed: sent, receipt, fee: receipt.gasUsed * receipt.effectiveGasPrice };
    },
    async close() {
      await anvil.stop();
      wallets.remove();
    },
  };
}

/** Through JSON and back, as the pipeline stores a build before signing (a bigint would throw here). */
export function persisted(tx: UnsignedTransaction): UnsignedTransaction {
  const stored: unknown = JSON.parse(JSON.stringify(tx));
  // Equal after the round trip, so signing `tx` is signing what would have been read back.
  expect(stored).toEqual(tx);
  return tx;
}

export async function mined(anvil: Anvil, hash: string): Promise<TransactionReceipt> {
  if (!isHex(hash, { strict: true }) || hash.length !== 66) throw new Error(`not a transaction hash: ${hash}`);
  return waitForTransactionReceipt(anvil.client, { hash, pollingInterval: 50, timeout: 10_000 });
}
