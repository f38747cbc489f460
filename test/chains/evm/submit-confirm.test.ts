import { type Address, parseEther, parseGwei } from 'viem';
import { getBalance, getTransactionCount, mine, setAutomine, setBalance } from 'viem/actions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '../../../signer/src/chain/evm/index.js';
import { deployErc20 } from './erc20.js';
import { type EvmHarness, mined, startEvmHarness } from './evm-harness.js';

describe('submitting and confirming on a real anvil chain', () => {
  let h: EvmHarness;
  const eth = (address: Address) => getBalance(h.anvil.client, { address });

  beforeAll(async () => {
    h = await startEvmHarness();
  });
  afterEach(() => setAutomine(h.anvil.testClient, true));
  afterAll(() => h?.close());

  it('re-submitting the same signed transaction, mined or pending, never pays twice', async () => {
    const alice = await h.wallet(parseEther('2'));
    const bob = await h.wallets.create();
    const signed = await h.signed(alice, { type: 'TRANSFER', to: bob.address, amount: parseGwei('3') });

    await setAutomine(h.anvil.testClient, false);
    await h.adapter.submit(signed);
    await h.adapter.submit(signed); // pending: the node already has it
    expect(await h.adapter.confirm(signed)).toEqual({ status: 'pending' });
    await mine(h.anvil.testClient, { blocks: 1 });
    const receipt = await mined(h.anvil, signed.hash);
    await h.adapter.submit(signed); // mined: "nonce too low", but for this very transaction

    expect(await h.adapter.confirm(signed)).toEqual({ status: 'confirmed', blockNumber: receipt.blockNumber });
    expect(await eth(bob.address)).toBe(parseGwei('3'));
    expect(await eth(alice.address)).toBe(parseEther('2') - parseGwei('3') - receipt.gasUsed * receipt.effectiveGasPrice);
    expect(await getTransactionCount(h.anvil.client, { address: alice.address })).toBe(1);
  });

  it('a transaction whose nonce another transaction took is expired, and re-sending it is CHAIN__NONCE_TOO_LOW', async () => {
    const alice = await h.wallet(parseEther('2'));
    const bob = await h.wallets.create();
    const stale = await h.signed(alice, { type: 'TRANSFER', to: bob.address, amount: 1n });
    // A second signer process (its own nonce memory) sends with the same nonce first.
    const elsewhere = createEvmAdapter(h.network);
    const other = await elsewhere.sign(await elsewhere.build(alice.address, { type: 'TRANSFER', to: bob.address, amount: 2n }), alice);
    expect(other.validity.nonce).toBe(stale.validity.nonce);
    await elsewhere.submit(other);
    await mined(h.anvil, other.hash);

    expect(await h.adapter.confirm(stale)).toEqual({ status: 'expired' });
    await expect(h.adapter.submit(stale)).rejects.toMatchObject({
      code: 'CHAIN__NONCE_TOO_LOW',
      message: `Nonce 0 of ${alice.address} is already used.`,
      context: { address: alice.address, nonce: 0 },
    });
    expect(await eth(bob.address)).toBe(2n);
  });

  it('a transaction that reverts on chain is failed, with a reason', async () => {
    const alice = await h.wallet(parseEther('1'));
    const bob = await h.wallets.create();
    const token = await deployErc20(h.anvil, { supply: 100n, owner: alice.address });
    // Both transfers pass their estimate against the same state; only one can succeed in a block.
    await setAutomine(h.anvil.testClient, false);
    const first = await h.signed(alice, { type: 'TOKEN_TRANSFER', token, to: bob.address, amount: 100n });
    const second = await h.signed(alice, { type: 'TOKEN_TRANSFER', token, to: bob.address, amount: 100n });
    await h.adapter.submit(first);
    await h.adapter.submit(second);
    await mine(h.anvil.testClient, { blocks: 1 });
    const receipt = await mined(h.anvil, second.hash);

    expect(receipt.status).toBe('reverted');
    expect(await h.adapter.confirm(first)).toMatchObject({ status: 'confirmed' });
    expect(await h.adapter.confirm(second)).toEqual({ status: 'failed', reason: `reverted in block ${receipt.blockNumber}` });
  });

  it('waits for the configured number of confirmations', async () => {
    const adapter = createEvmAdapter(h.network, { confirmations: 3 });
    const alice = await h.wallet(parseEther('1'));
    const signed = await adapter.sign(await adapter.build(alice.address, { type: 'TRANSFER', to: alice.address, amount: 1n }), alice);
    await adapter.submit(signed);
    const receipt = await mined(h.anvil, signed.hash);
    expect(await adapter.confirm(signed)).toEqual({ status: 'pending' });
    await mine(h.anvil.testClient, { blocks: 2 });
    expect(await adapter.confirm(signed)).toEqual({ status: 'confirmed', blockNumber: receipt.blockNumber });
  });

  it('refuses to build what the balance cannot pay for: ETH with gas, or tokens', async () => {
    const alice = await h.wallet(parseEther('1'));
    const token = await deployErc20(h.anvil, { supply: 10n, owner: alice.address });
    const bob = await h.wallets.create();
    // 1 ETH held, 1 ETH sent: nothing left for gas.
    await expect(h.adapter.build(alice.address, { type: 'TRANSFER', to: bob.address, amount: parseEther('1') })).rejects.toMatchObject({
      code: 'CHAIN__INSUFFICIENT_FUNDS',
      context: { address: alice.address, asset: 'native', available: parseEther('1').toString() },
    });
    // Even where the call would also revert, the missing value is what is reported.
    await expect(h.adapter.build(alice.address, { type: 'CONTRACT_CALL', to: token, data: '0x', value: parseEther('2') })).rejects.toMatchObject({
      code: 'CHAIN__INSUFFICIENT_FUNDS',
      message: `${alice.address} holds 1000000000000000000 of native (smallest unit) but needs 2000000000000000000.`,
    });
    await expect(h.adapter.build(alice.address, { type: 'TOKEN_TRANSFER', token, to: token, amount: 11n })).rejects.toMatchObject({
      code: 'CHAIN__INSUFFICIENT_FUNDS',
      message: `${alice.address} holds 10 of ${token} (smallest unit) but needs 11.`,
    });
  });

  it('a signed transaction the balance no longer covers is CHAIN__INSUFFICIENT_FUNDS at submit', async () => {
    const alice = await h.wallet(parseEther('1'));
    const signed = await h.signed(alice, { type: 'TRANSFER', to: '0x000000000000000000000000000000000000dEaD', amount: parseEther('0.5') });
    await setBalance(h.anvil.testClient, { address: alice.address, value: parseEther('0.1') });
    await expect(h.adapter.submit(signed)).rejects.toMatchObject({
      code: 'CHAIN__INSUFFICIENT_FUNDS',
      context: { address: alice.address, asset: 'native', available: parseEther('0.1').toString() },
    });
  });
});
