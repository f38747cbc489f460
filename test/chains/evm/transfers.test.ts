import { type Address, parseEther } from 'viem';
import { getBalance, readContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '../../../signer/src/chain/evm/index.js';
import { deployErc20, erc20PresetAbi } from './erc20.js';
import { type EvmHarness, mined, startEvmHarness } from './evm-harness.js';

describe('ETH and ERC-20 transfers on a real anvil chain', () => {
  let h: EvmHarness;
  const eth = (address: Address) => getBalance(h.anvil.client, { address });
  const tokens = (token: Address, address: Address) =>
    readContract(h.anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'balanceOf', args: [address] });

  beforeAll(async () => {
    h = await startEvmHarness();
  });
  afterAll(() => h?.close());

  it('sends ETH: the recipient gets the amount, the sender pays the amount plus the gas in its receipt', async () => {
    const alice = await h.wallet(parseEther('5'));
    const bob = await h.wallets.create();
    const sent = await h.send(alice, { type: 'TRANSFER', to: bob.address, amount: parseEther('1.25') });

    expect(sent.receipt.status).toBe('success');
    expect(sent.receipt.gasUsed).toBe(21_000n);
    expect(await eth(bob.address)).toBe(parseEther('1.25'));
    expect(await eth(alice.address)).toBe(parseEther('5') - parseEther('1.25') - sent.fee);
    expect(await h.adapter.confirm(sent.signed)).toEqual({ status: 'confirmed', blockNumber: sent.receipt.blockNumber });
  });

  it('sends an ERC-20: token balances move exactly, and only gas leaves in ETH', async () => {
    const alice = await h.wallet(parseEther('1'));
    const bob = await h.wallets.create();
    const token = await deployErc20(h.anvil, { supply: 1_000_000n, owner: alice.address });
    const sent = await h.send(alice, { type: 'TOKEN_TRANSFER', token, to: bob.address, amount: 250_000n });

    expect(sent.receipt.status).toBe('success');
    expect(await tokens(token, alice.address)).toBe(750_000n);
    expect(await tokens(token, bob.address)).toBe(250_000n);
    expect(await eth(alice.address)).toBe(parseEther('1') - sent.fee);
  });

  it('simulates an ETH transfer: the amount exactly, the fee as a bound the receipt stays under', async () => {
    const alice = await h.wallet(parseEther('2'));
    const bob = await h.wallets.create();
    const amount = parseEther('0.5');
    const tx = await h.adapter.build(alice.address, { type: 'TRANSFER', to: bob.address, amount });
    const maxFeePerGas = BigInt(String(tx.payload.maxFeePerGas));
    const simulation = await h.adapter.simulate(alice.address, tx);
    const bound = 21_000n * maxFeePerGas;
    expect(simulation).toEqual({ ok: true, fee: bound, balanceChanges: [{ asset: 'native', delta: -(amount + bound) }] });

    const signed = await h.adapter.sign(tx, alice);
    await h.adapter.submit(signed);
    const receipt = await mined(h.anvil, signed.hash);
    const paid = receipt.gasUsed * receipt.effectiveGasPrice;
    expect(await eth(alice.address)).toBe(parseEther('2') - amount - paid);
    expect(receipt.gasUsed * maxFeePerGas).toBe(simulation.fee);
    expect(paid).toBeLessThanOrEqual(simulation.fee);
  });

  it('simulates an ERC-20 transfer: the token change is exactly what happens', async () => {
    const alice = await h.wallet(parseEther('1'));
    const bob = await h.wallets.create();
    const token = await deployErc20(h.anvil, { supply: 5_000n, owner: alice.address });
    const tx = await h.adapter.build(alice.address, { type: 'TOKEN_TRANSFER', token, to: bob.address, amount: 1_234n });
    const simulation = await h.adapter.simulate(alice.address, tx);
    expect(simulation.ok).toBe(true);
    expect(simulation.balanceChanges).toEqual([
      { asset: 'native', delta: -simulation.fee },
      { asset: token, delta: -1_234n },
    ]);

    const signed = await h.adapter.sign(tx, alice);
    await h.adapter.submit(signed);
    const receipt = await mined(h.anvil, signed.hash);
    expect((await tokens(token, alice.address)) - 5_000n).toBe(-1_234n);
    expect(receipt.gasUsed * receipt.effectiveGasPrice).toBeLessThanOrEqual(simulation.fee);
  });

  it('simulates a transfer the chain would now refuse as not ok, with the revert reason', async () => {
    const alice = await h.wallet(parseEther('1'));
    const bob = await h.wallets.create();
    const token = await deployErc20(h.anvil, { supply: 100n, owner: alice.address });
    // Built without reserving a nonce, as the pipeline's dry run does.
    const dryRun = createEvmAdapter(h.network, { nonces: { reserve: (_address, pending) => pending } });
    const tx = await dryRun.build(alice.address, { type: 'TOKEN_TRANSFER', token, to: bob.address, amount: 100n });
    await h.send(alice, { type: 'TOKEN_TRANSFER', token, to: bob.address, amount: 60n });

    expect(await h.adapter.simulate(alice.address, tx)).toEqual({
      ok: false,
      balanceChanges: [],
      fee: 0n,
      error: 'ERC20: transfer amount exceeds balance',
    });
  });

  it('reports ETH and the configured tokens as assets', async () => {
    const alice = await h.wallet(parseEther('3'));
    const token = await deployErc20(h.anvil, { symbol: 'WAI', supply: 42n * 10n ** 18n, owner: alice.address });
    const adapter = createEvmAdapter(h.network, { tokens: [token] });
    expect(await adapter.getBalance(alice.address)).toBe(parseEther('3'));
    expect(await adapter.getAssets(alice.address)).toEqual([
      { asset: 'native', symbol: 'ETH', decimals: 18, balance: parseEther('3') },
      { asset: token, symbol: 'WAI', decimals: 18, balance: 42n * 10n ** 18n },
    ]);
  });

  it('refuses a configured token that is not an ERC-20 when listing assets', async () => {
    const alice = await h.wallet();
    const adapter = createEvmAdapter(h.network, { tokens: [bobless] });
    await expect(adapter.getAssets(alice.address)).rejects.toMatchObject({
      code: 'CHAIN__UNKNOWN_TOKEN',
      message: `Token ${bobless} does not exist on anvil.`,
    });
  });
});

/** An address nobody deployed anything to. */
const bobless = '0x00000000000000000000000000000000DeaDBeef';
