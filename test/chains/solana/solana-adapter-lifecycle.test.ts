import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedTransaction, UnsignedTransaction } from '../../../signer/src/chain/chain-adapter.js';
import { FEE, type SolanaTestbed, caught, newAddress, startSolanaTestbed } from './solana-testbed.js';

/** What the pipeline persists comes back from JSON: the adapter must work from that. */
const persisted = <T extends UnsignedTransaction | SignedTransaction>(tx: T): T => JSON.parse(JSON.stringify(tx)) as T;

describe('a Solana transaction from signing to confirmation', () => {
  let bed: SolanaTestbed;
  beforeAll(async () => {
    bed = await startSolanaTestbed();
  });
  afterAll(() => bed.close());

  const lamports = (who: string) => bed.chain.lamports(who);
  const signTransfer = async (to: string, amount: bigint) =>
    persisted(await bed.adapter.sign(persisted(await bed.adapter.build(bed.wallet.address, { type: 'TRANSFER', to, amount })), bed.wallet));

  it('is pending until sent, then confirmed in the slot it landed in', async () => {
    const signed = await signTransfer(await newAddress(), 2_000_000n);
    expect(await bed.adapter.confirm(signed)).toEqual({ status: 'pending' });
    await bed.adapter.submit(signed);
    expect(await bed.adapter.confirm(signed)).toEqual({ status: 'confirmed', blockNumber: bed.chain.clock.slot() });
    expect(signed.validity.lastValidBlockHeight).toBe(String(bed.chain.clock.latestBlockhash().lastValidBlockHeight));
  });

  it('pays once however often the same signed transaction is submitted', async () => {
    const to = await newAddress();
    const before = lamports(bed.wallet.address);
    const signed = await signTransfer(to, 3_000_000n);
    await bed.adapter.submit(signed);
    await bed.adapter.submit(signed);
    await bed.adapter.submit(persisted(signed));
    await bed.adapterWith({ skipPreflight: true }).submit(signed);
    expect(lamports(to)).toBe(3_000_000n);
    expect(lamports(bed.wallet.address)).toBe(before - 3_000_000n - FEE);
  });

  it('treats a re-send after the blockhash expired as sent, when the transaction had landed', async () => {
    const to = await newAddress();
    const signed = await signTransfer(to, 4_000_000n);
    await bed.adapter.submit(signed);
    bed.chain.expireBlockhash();
    await bed.adapter.submit(signed);
    expect(await bed.adapter.confirm(signed)).toMatchObject({ status: 'confirmed' });
    expect(lamports(to)).toBe(4_000_000n);
  });

  it('detects an expired blockhash: confirm says expired, submit refuses with CHAIN__BLOCKHASH_EXPIRED', async () => {
    const to = await newAddress();
    const before = lamports(bed.wallet.address);
    const signed = await signTransfer(to, 5_000_000n);
    bed.chain.expireBlockhash();
    expect(await bed.adapter.confirm(signed)).toEqual({ status: 'expired' });
    const error = await caught(bed.adapter.submit(signed));
    expect(error.code).toBe('CHAIN__BLOCKHASH_EXPIRED');
    expect(error.message).toBe("The transaction's blockhash expired on solana-local before it landed.");
    expect(lamports(to)).toBe(0n);
    expect(lamports(bed.wallet.address)).toBe(before);
  });

  it('calls an unknown blockhash before lastValidBlockHeight a lagging node (retry), never expired', async () => {
    const signed = await signTransfer(await newAddress(), 6_000_000n);
    bed.chain.svm.expireBlockhash(); // the node forgets the blockhash; the block height does not move
    const error = await caught(bed.adapter.submit(signed));
    expect(error.code).toBe('CHAIN__RPC_UNAVAILABLE');
    expect(error.context).toMatchObject({ reason: expect.stringContaining("does not know the transaction's blockhash") });
    expect(await bed.adapter.confirm(signed)).toEqual({ status: 'pending' });
    bed.chain.expireBlockhash();
    expect(await bed.adapter.confirm(signed)).toEqual({ status: 'expired' });
  });

  it('reports "processed" as pending and "confirmed" as confirmed', async () => {
    const signed = await signTransfer(await newAddress(), 7_000_000n);
    await bed.adapter.submit(signed);
    bed.chain.reportLandedAs('processed');
    expect(await bed.adapter.confirm(signed)).toEqual({ status: 'pending' });
    bed.chain.reportLandedAs('confirmed');
    expect(await bed.adapter.confirm(signed)).toMatchObject({ status: 'confirmed' });
    bed.chain.reportLandedAs('finalized');
  });

  it('makes two identical intents two transactions: same content digest, different signatures, both paid', async () => {
    const to = await newAddress();
    const intent = { type: 'TRANSFER', to, amount: 8_000_000n } as const;
    const [first, second] = [await bed.adapter.build(bed.wallet.address, intent), await bed.adapter.build(bed.wallet.address, intent)];
    expect(first.payload.blockhash).toBe(second.payload.blockhash);
    expect(first.contentDigest).toBe(second.contentDigest);
    const signed = [await bed.adapter.sign(first, bed.wallet), await bed.adapter.sign(second, bed.wallet)];
    expect(signed[0]?.hash).not.toBe(signed[1]?.hash);
    for (const tx of signed) await bed.adapter.submit(tx);
    expect(lamports(to)).toBe(16_000_000n);
  });

  it('refuses at submit with CHAIN__INSUFFICIENT_FUNDS when the fee no longer fits', async () => {
    const balance = lamports(bed.wallet.address);
    const signed = await signTransfer(await newAddress(), balance - 1_000n);
    const error = await caught(bed.adapter.submit(signed));
    expect(error.code).toBe('CHAIN__INSUFFICIENT_FUNDS');
    expect(error.message).toBe(`${bed.wallet.address} holds ${balance} of native (smallest unit) but needs more than ${balance}.`);
    expect(lamports(bed.wallet.address)).toBe(balance);
  });

  it('refuses a stored transaction whose hash is not its signature, or whose bytes are garbage', async () => {
    const signed = await signTransfer(await newAddress(), 2_000_000n);
    const other = await signTransfer(await newAddress(), 3_000_000n);
    for (const tampered of [{ ...signed, hash: other.hash }, { ...signed, raw: 'AAAA' }]) {
      for (const action of [() => bed.adapter.submit(tampered), () => bed.adapter.confirm(tampered)]) {
        const error = await caught(action());
        expect(error.code).toBe('CHAIN__INVALID_CALL');
        expect(error.message).toMatch(/^The contract call is invalid: the transaction cannot be used: its (hash|raw bytes)/);
      }
    }
  });

  it('reports a transaction that landed with an error as failed, with the reason', async () => {
    const adapter = bed.adapterWith({ skipPreflight: true });
    const before = lamports(bed.wallet.address);
    const unsigned = await adapter.build(bed.wallet.address, { type: 'TRANSFER', to: await newAddress(), amount: 1_000n });
    const signed = await adapter.sign(unsigned, bed.wallet);
    await adapter.submit(signed);
    // 1,000 lamports cannot open an account: it would sit below the rent-exempt minimum.
    expect(await adapter.confirm(signed)).toEqual({ status: 'failed', reason: expect.stringContaining('insufficient funds for rent') });
    expect(lamports(bed.wallet.address)).toBe(before - FEE);
  });
});
