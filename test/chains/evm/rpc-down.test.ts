import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedTransaction, UnsignedTransaction } from '../../../signer/src/chain/chain-adapter.js';
import type { EvmSigner } from '../../../signer/src/keystore/index.js';
import { deployErc20 } from './erc20.js';
import { type EvmHarness, startEvmHarness } from './evm-harness.js';

describe('an EVM node that goes away', () => {
  let h: EvmHarness;
  let alice: EvmSigner;
  let built: UnsignedTransaction;
  let signed: SignedTransaction;
  let token: string;

  beforeAll(async () => {
    h = await startEvmHarness({ retryCount: 0 });
    alice = await h.wallet(parseEther('1'));
    token = await deployErc20(h.anvil, { supply: 1n, owner: alice.address });
    built = await h.adapter.build(alice.address, { type: 'TRANSFER', to: alice.address, amount: 1n });
    signed = await h.adapter.sign(built, alice);
    await h.anvil.stop();
  });
  afterAll(() => h?.close());

  const unavailable = {
    code: 'CHAIN__RPC_UNAVAILABLE',
    message: 'The anvil RPC node is unavailable: connection refused.',
    context: { network: 'anvil', reason: 'connection refused' },
  };

  it('makes every chain read and write CHAIN__RPC_UNAVAILABLE (retry later), never another error', async () => {
    await expect(h.adapter.getBalance(alice.address)).rejects.toMatchObject(unavailable);
    await expect(h.adapter.getAssets(alice.address)).rejects.toMatchObject(unavailable);
    await expect(h.adapter.build(alice.address, { type: 'TRANSFER', to: alice.address, amount: 1n })).rejects.toMatchObject(unavailable);
    await expect(h.adapter.build(alice.address, { type: 'TOKEN_TRANSFER', token, to: alice.address, amount: 1n })).rejects.toMatchObject(unavailable);
    await expect(h.adapter.simulate(alice.address, built)).rejects.toMatchObject(unavailable);
    await expect(h.adapter.submit(signed)).rejects.toMatchObject(unavailable);
    await expect(h.adapter.confirm(signed)).rejects.toMatchObject(unavailable);
  });

  it('still signs: with the chain id configured, signing needs no node', async () => {
    const again = await h.adapter.sign(built, alice);
    expect(again.hash).toBe(signed.hash);
  });
});
