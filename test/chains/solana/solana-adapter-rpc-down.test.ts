import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainAdapter, SignedTransaction, UnsignedTransaction } from '../../../signer/src/chain/chain-adapter.js';
import { createSolanaAdapter } from '../../../signer/src/chain/solana/index.js';
import type { Outage } from './local-solana.js';
import { FEE, type SolanaTestbed, caught, newAddress, startSolanaTestbed } from './solana-testbed.js';

describe('the Solana adapter when the RPC node is down', () => {
  let bed: SolanaTestbed;
  let adapter: ChainAdapter;
  let to: string;
  let unsigned: UnsignedTransaction;
  let signed: SignedTransaction;

  beforeAll(async () => {
    bed = await startSolanaTestbed();
    // An API key in the URL, as hosted RPC providers hand out: it must never reach an error.
    adapter = createSolanaAdapter({ ...bed.network, rpcUrl: `${bed.chain.url}/?api-key=SECRET-KEY` }, { timeoutMs: 300 });
    to = await newAddress();
    unsigned = await adapter.build(bed.wallet.address, { type: 'TRANSFER', to, amount: 2_000_000n });
    signed = await adapter.sign(unsigned, bed.wallet);
  });
  afterAll(() => bed.close());

  /** Every adapter call that needs the node, each expected to fail with CHAIN__RPC_UNAVAILABLE. */
  const everyCall = (a: ChainAdapter): (() => Promise<unknown>)[] => [
    () => a.build(bed.wallet.address, { type: 'TRANSFER', to, amount: 1n }),
    () => a.simulate(bed.wallet.address, unsigned),
    () => a.submit(signed),
    () => a.confirm(signed),
    () => a.getBalance(bed.wallet.address),
    () => a.getAssets(bed.wallet.address),
  ];

  it.each<[Outage, RegExp]>([
    ['http-503', /^HTTP 503 Service Unavailable$/],
    ['reset', /^connection failed \(\w+\)$/],
    ['hang', /^no answer within 300 ms$/],
    ['unhealthy', /^Node is behind by 42 slots \(JSON-RPC -32005\)$/],
  ])('answers CHAIN__RPC_UNAVAILABLE from every call while the node is %s', async (outage, reason) => {
    bed.chain.setOutage(outage);
    try {
      for (const call of everyCall(adapter)) {
        const error = await caught(call());
        expect(error.code).toBe('CHAIN__RPC_UNAVAILABLE');
        expect(error.status).toBe(503);
        expect(error.context).toEqual({ network: 'solana-local', reason: expect.stringMatching(reason) });
        expect(JSON.stringify(error.toResponse())).not.toContain('SECRET');
      }
    } finally {
      bed.chain.setOutage(undefined);
    }
  });

  it('sends the transaction once the node is back, and it is paid once', async () => {
    const before = bed.chain.lamports(bed.wallet.address);
    bed.chain.setOutage('hang');
    expect((await caught(adapter.submit(signed))).code).toBe('CHAIN__RPC_UNAVAILABLE');
    bed.chain.setOutage(undefined);
    await adapter.submit(signed);
    await adapter.submit(signed);
    expect(await adapter.confirm(signed)).toMatchObject({ status: 'confirmed' });
    expect(bed.chain.lamports(to)).toBe(2_000_000n);
    expect(bed.chain.lamports(bed.wallet.address)).toBe(before - 2_000_000n - FEE);
  });

  it('says the node is unavailable when nothing listens any more', async () => {
    await bed.chain.stop();
    for (const call of everyCall(adapter)) {
      const error = await caught(call());
      // A pooled keep-alive socket reports the close (UND_ERR_SOCKET); a new connection is refused.
      expect(error.message).toMatch(/^The solana-local RPC node is unavailable: connection failed \((ECONNREFUSED|UND_ERR_SOCKET)\)\.$/);
    }
  });
});
