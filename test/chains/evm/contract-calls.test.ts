import { type Address, encodeFunctionData, erc20Abi, maxUint256, parseEther } from 'viem';
import { getBalance, readContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '../../../signer/src/chain/evm/index.js';
import type { EvmSigner } from '../../../signer/src/keystore/index.js';
import { deployErc20, erc20PresetAbi, loadErc20Artifact } from './erc20.js';
import { type EvmHarness, startEvmHarness } from './evm-harness.js';

describe('contract calls and approvals on a real anvil chain', () => {
  let h: EvmHarness;
  let alice: EvmSigner;
  let bob: EvmSigner;
  let token: Address;
  const balanceOf = (address: Address) =>
    readContract(h.anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'balanceOf', args: [address] });
  const allowance = (owner: Address, spender: Address) =>
    readContract(h.anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'allowance', args: [owner, spender] });

  beforeAll(async () => {
    h = await startEvmHarness();
    alice = await h.wallet(parseEther('10'));
    bob = await h.wallets.create();
    token = await deployErc20(h.anvil, { supply: 1_000_000n, owner: alice.address });
  });
  afterAll(() => h?.close());

  it('calls a function given as abi + functionName + args (the JSON ABI an agent would send)', async () => {
    const { abi } = loadErc20Artifact();
    const sent = await h.send(alice, { type: 'CONTRACT_CALL', to: token, abi, functionName: 'increaseAllowance', args: [bob.address, 500n] });
    expect(sent.receipt.status).toBe('success');
    expect(await allowance(alice.address, bob.address)).toBe(500n);
  });

  it('calls with raw calldata', async () => {
    const before = await balanceOf(bob.address);
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob.address, 777n] });
    const sent = await h.send(alice, { type: 'CONTRACT_CALL', to: token, data });
    expect(sent.receipt.status).toBe('success');
    expect((await balanceOf(bob.address)) - before).toBe(777n);
  });

  it('calls with calldata checked against the abi it came with', async () => {
    const before = await balanceOf(bob.address);
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob.address, 5n] });
    await h.send(alice, { type: 'CONTRACT_CALL', to: token, data, abi: erc20Abi, functionName: 'transfer' });
    expect((await balanceOf(bob.address)) - before).toBe(5n);
  });

  it('sends ETH along with a call and charges it exactly', async () => {
    const carol = await h.wallets.create();
    const before = await getBalance(h.anvil.client, { address: alice.address });
    // An EOA "contract call" with value and empty calldata is a plain payment.
    const sent = await h.send(alice, { type: 'CONTRACT_CALL', to: carol.address, data: '0x', value: 12_345n });
    expect(await getBalance(h.anvil.client, { address: carol.address })).toBe(12_345n);
    expect(await getBalance(h.anvil.client, { address: alice.address })).toBe(before - 12_345n - sent.fee);
  });

  it('refuses to build a call that would revert, with the reason', async () => {
    await expect(
      h.adapter.build(alice.address, { type: 'CONTRACT_CALL', to: token, abi: erc20Abi, functionName: 'transferFrom', args: [bob.address, alice.address, 1n] }),
    ).rejects.toMatchObject({
      code: 'CHAIN__SIMULATION_FAILED',
      message: 'The transaction would fail on chain: ERC20: insufficient allowance.',
    });
    // The token is not payable: ETH sent to it reverts without a reason.
    await expect(h.adapter.build(alice.address, { type: 'CONTRACT_CALL', to: token, data: '0x', value: 1n })).rejects.toMatchObject({
      code: 'CHAIN__SIMULATION_FAILED',
      message: 'The transaction would fail on chain: execution reverted without a reason.',
    });
  });

  it('approves an allowance, and approving zero revokes it', async () => {
    const spender = await h.wallets.create();
    await h.send(alice, { type: 'APPROVE', token, spender: spender.address, amount: 40_000n });
    expect(await allowance(alice.address, spender.address)).toBe(40_000n);
    await h.send(alice, { type: 'APPROVE', token, spender: spender.address, amount: 0n });
    expect(await allowance(alice.address, spender.address)).toBe(0n);
  });

  it('refuses an unlimited approval', async () => {
    await expect(h.adapter.build(alice.address, { type: 'APPROVE', token, spender: bob.address, amount: maxUint256 })).rejects.toMatchObject({
      code: 'CHAIN__INVALID_CALL',
      message: 'The contract call is invalid: an unlimited (2^256-1) approval is refused; approve the amount needed.',
    });
  });

  it('simulates an approval as moving no token, only gas', async () => {
    // Built but never sent, so built as the pipeline's dry run does: without reserving a nonce.
    const dryRun = createEvmAdapter(h.network, { nonces: { reserve: (_address, pending) => pending } });
    const tx = await dryRun.build(alice.address, { type: 'APPROVE', token, spender: bob.address, amount: 1n });
    expect(tx.payload).toMatchObject({ kind: 'APPROVE', to: token, value: '0', token: { address: token, symbol: 'TEST', decimals: 18 } });
    const simulation = await h.adapter.simulate(alice.address, tx);
    expect(simulation.fee).toBeGreaterThan(0n);
    expect(simulation).toEqual({ ok: true, fee: simulation.fee, balanceChanges: [{ asset: 'native', delta: -simulation.fee }] });
  });
});
