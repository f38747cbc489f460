import { parseEther, parseGwei } from 'viem';
import { getBalance, getTransaction, getTransactionCount } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '../../../signer/src/chain/evm/index.js';
import { type EvmHarness, mined, startEvmHarness } from './evm-harness.js';

describe('many sends from one wallet at once', () => {
  let h: EvmHarness;

  beforeAll(async () => {
    h = await startEvmHarness();
  });
  afterAll(() => h?.close());

  it('20 concurrent sends get 20 distinct consecutive nonces and all land', async () => {
    const alice = await h.wallet(parseEther('10'));
    const bob = await h.wallets.create();
    const amounts = Array.from({ length: 20 }, (_, i) => parseGwei(String(i + 1)));

    const sent = await Promise.all(amounts.map((amount) => h.send(alice, { type: 'TRANSFER', to: bob.address, amount })));

    const nonces = await Promise.all(sent.map(async ({ receipt }) => (await getTransaction(h.anvil.client, { hash: receipt.transactionHash })).nonce));
    expect([...nonces].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(sent.map(({ signed }) => signed.validity.nonce)).toEqual(nonces);
    expect(sent.every(({ receipt }) => receipt.status === 'success')).toBe(true);
    const total = amounts.reduce((a, b) => a + b, 0n);
    const fees = sent.reduce((sum, { fee }) => sum + fee, 0n);
    expect(await getBalance(h.anvil.client, { address: bob.address })).toBe(total);
    expect(await getBalance(h.anvil.client, { address: alice.address })).toBe(parseEther('10') - total - fees);
  });

  it('transactions reaching the node out of nonce order still all land', async () => {
    const alice = await h.wallet(parseEther('1'));
    const bob = await h.wallets.create();
    const built = await Promise.all(Array.from({ length: 5 }, () => h.adapter.build(alice.address, { type: 'TRANSFER', to: bob.address, amount: 1n })));
    const signed = await Promise.all(built.map((tx) => h.adapter.sign(tx, alice)));
    signed.sort((a, b) => (b.validity.nonce ?? 0) - (a.validity.nonce ?? 0));
    for (const tx of signed) await h.adapter.submit(tx);
    await Promise.all(signed.map((tx) => mined(h.anvil, tx.hash)));
    expect(await getBalance(h.anvil.client, { address: bob.address })).toBe(5n);
  });

  it('a restarted signer (fresh nonce memory) carries on from the chain', async () => {
    const alice = await h.wallet(parseEther('1'));
    await h.send(alice, { type: 'TRANSFER', to: alice.address, amount: 1n });
    await h.send(alice, { type: 'TRANSFER', to: alice.address, amount: 1n });
    const restarted = createEvmAdapter(h.network);
    const tx = await restarted.build(alice.address, { type: 'TRANSFER', to: alice.address, amount: 1n });
    expect(tx.payload.nonce).toBe(2);
    await restarted.submit(await restarted.sign(tx, alice));
    expect(await getTransactionCount(h.anvil.client, { address: alice.address, blockTag: 'pending' })).toBe(3);
  });
});
