import type { Address } from '@solana/kit';
import { TOKEN_PROGRAM_ADDRESS } from '@solana-program/token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceChange, TransactionIntent } from '../../../signer/src/chain/chain-adapter.js';
import { FEE, LAMPORTS_PER_SOL, type SolanaTestbed, caught, newAddress, startSolanaTestbed } from './solana-testbed.js';

describe('simulating a Solana transaction', () => {
  let bed: SolanaTestbed;
  let mint: Address;
  let tokenRent: bigint;

  beforeAll(async () => {
    bed = await startSolanaTestbed();
    mint = await bed.chain.createMint(9);
    await bed.chain.mintTo(mint, bed.wallet.address, 50_000n);
    tokenRent = bed.chain.svm.minimumBalanceForRentExemption(165n);
  });
  afterAll(() => bed.close());

  const holdings = async () => ({
    native: bed.chain.lamports(bed.wallet.address),
    token: await bed.chain.tokenBalance(mint, bed.wallet.address),
  });

  /** Simulates `intent`, then sends it, and returns what simulate predicted and what happened. */
  async function predictAndSend(intent: TransactionIntent) {
    const unsigned = await bed.adapter.build(bed.wallet.address, intent);
    const simulation = await bed.adapter.simulate(bed.wallet.address, unsigned);
    const before = await holdings();
    await bed.adapter.submit(await bed.adapter.sign(unsigned, bed.wallet));
    const after = await holdings();
    const actual: BalanceChange[] = [{ asset: 'native', delta: after.native - before.native }];
    if (after.token !== before.token) actual.push({ asset: mint, delta: after.token - before.token });
    return { simulation, actual };
  }

  it('predicts a SOL transfer exactly: amount plus fee', async () => {
    const { simulation, actual } = await predictAndSend({ type: 'TRANSFER', to: await newAddress(), amount: LAMPORTS_PER_SOL });
    expect(simulation).toEqual({ ok: true, fee: FEE, balanceChanges: [{ asset: 'native', delta: -LAMPORTS_PER_SOL - FEE }] });
    expect(simulation.balanceChanges).toEqual(actual);
  });

  it('predicts a token transfer to a new account: tokens out, rent and fee in lamports', async () => {
    const { simulation, actual } = await predictAndSend({ type: 'TOKEN_TRANSFER', token: mint, to: await newAddress(), amount: 1_234n });
    expect(simulation.balanceChanges).toEqual([
      { asset: 'native', delta: -tokenRent - FEE },
      { asset: mint, delta: -1_234n },
    ]);
    expect(simulation.balanceChanges).toEqual(actual);
  });

  it('predicts a batch as the sum of its calls, and an approval as its fee alone', async () => {
    const batch = await predictAndSend({
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to: await newAddress(), amount: 2_000_000n },
        { type: 'TOKEN_TRANSFER', token: mint, to: await newAddress(), amount: 10n },
        { type: 'APPROVE', token: mint, spender: await newAddress(), amount: 5n },
      ],
    });
    expect(batch.simulation.balanceChanges).toEqual(batch.actual);
    expect(batch.simulation.balanceChanges[0]?.delta).toBe(-2_000_000n - tokenRent - FEE);
    const approve = await predictAndSend({ type: 'APPROVE', token: mint, spender: await newAddress(), amount: 7n });
    expect(approve.simulation.balanceChanges).toEqual([{ asset: 'native', delta: -FEE }]);
    expect(approve.simulation.balanceChanges).toEqual(approve.actual);
  });

  it('says a failing transaction would fail, with the reason, and changes nothing', async () => {
    const before = await holdings();
    const signatures = bed.signatures;
    const unsigned = await bed.adapter.build(bed.wallet.address, {
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to: await newAddress(), amount: 2_000_000n },
        { type: 'CONTRACT_CALL', to: TOKEN_PROGRAM_ADDRESS, data: Buffer.from([255]).toString('base64'), accounts: [] },
      ],
    });
    const simulation = await bed.adapter.simulate(bed.wallet.address, unsigned);
    expect(simulation).toEqual({ ok: false, balanceChanges: [], fee: FEE, error: expect.stringMatching(/instruction/i) });
    expect(await holdings()).toEqual(before);
    expect(bed.signatures).toBe(signatures);
  });

  it('still simulates once the blockhash has expired (the node substitutes a fresh one)', async () => {
    const unsigned = await bed.adapter.build(bed.wallet.address, { type: 'TRANSFER', to: await newAddress(), amount: 3_000_000n });
    bed.chain.expireBlockhash();
    const simulation = await bed.adapter.simulate(bed.wallet.address, unsigned);
    expect(simulation).toMatchObject({ ok: true, balanceChanges: [{ asset: 'native', delta: -3_000_000n - FEE }] });
  });

  it('refuses to simulate for a wallet that does not pay the transaction', async () => {
    const unsigned = await bed.adapter.build(bed.wallet.address, { type: 'TRANSFER', to: await newAddress(), amount: 3_000_000n });
    const error = await caught(bed.adapter.simulate(await newAddress(), unsigned));
    expect(error.code).toBe('CHAIN__INVALID_CALL');
  });
});
