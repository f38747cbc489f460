import { type Address, address, getU64Encoder, signature } from '@solana/kit';
import { TOKEN_PROGRAM_ADDRESS, findAssociatedTokenPda, getTokenDecoder } from '@solana-program/token';
import { TransactionMetadata } from 'litesvm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEE, LAMPORTS_PER_SOL, type SolanaTestbed, newAddress, startSolanaTestbed } from './solana-testbed.js';

const SYSTEM_PROGRAM = '11111111111111111111111111111111';
const MEMO_PROGRAM = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';

describe('the Solana adapter, on a local chain', () => {
  let bed: SolanaTestbed;
  let mint: Address;
  let tokenRent: bigint;

  beforeAll(async () => {
    bed = await startSolanaTestbed();
    mint = await bed.chain.createMint(6);
    await bed.chain.mintTo(mint, bed.wallet.address, 1_000_000_000n);
    tokenRent = bed.chain.svm.minimumBalanceForRentExemption(165n);
  });
  afterAll(() => bed.close());

  const lamports = (who: string) => bed.chain.lamports(who);
  const confirmed = async (signed: Awaited<ReturnType<SolanaTestbed['send']>>) =>
    expect(await bed.adapter.confirm(signed)).toMatchObject({ status: 'confirmed' });

  it('sends SOL with a memo: the recipient gets the amount, the wallet pays it plus 5,000 lamports', async () => {
    const to = await newAddress();
    const before = lamports(bed.wallet.address);
    const signed = await bed.send({ type: 'TRANSFER', to, amount: 1_234_567n, memo: 'invoice 42' });
    await confirmed(signed);
    expect(lamports(to)).toBe(1_234_567n);
    expect(lamports(bed.wallet.address)).toBe(before - 1_234_567n - FEE);
    const record = bed.chain.svm.getTransaction(signature(signed.hash));
    expect(record instanceof TransactionMetadata && record.logs()).toContain('Program log: invoice 42');
  });

  it('sends SPL tokens with transferChecked, creating the recipient\'s token account and paying its rent', async () => {
    const to = await newAddress();
    const before = lamports(bed.wallet.address);
    const signed = await bed.send({ type: 'TOKEN_TRANSFER', token: mint, to, amount: 2_500_000n });
    await confirmed(signed);
    expect(await bed.chain.tokenBalance(mint, to)).toBe(2_500_000n);
    expect(await bed.chain.tokenBalance(mint, bed.wallet.address)).toBe(997_500_000n);
    expect(lamports(bed.wallet.address)).toBe(before - tokenRent - FEE);
  });

  it('sends SPL tokens to a recipient who has the token account already, paying only the fee', async () => {
    const to = await newAddress();
    await bed.chain.mintTo(mint, to, 1n);
    const before = lamports(bed.wallet.address);
    const tokensBefore = await bed.chain.tokenBalance(mint, bed.wallet.address);
    await confirmed(await bed.send({ type: 'TOKEN_TRANSFER', token: mint, to, amount: 10n }));
    expect(await bed.chain.tokenBalance(mint, to)).toBe(11n);
    expect(await bed.chain.tokenBalance(mint, bed.wallet.address)).toBe(tokensBefore - 10n);
    expect(lamports(bed.wallet.address)).toBe(before - FEE);
  });

  it('approves a delegate for an exact amount with approveChecked', async () => {
    const spender = await newAddress();
    const before = lamports(bed.wallet.address);
    await confirmed(await bed.send({ type: 'APPROVE', token: mint, spender, amount: 5_000n }));
    const [ata] = await findAssociatedTokenPda({ owner: address(bed.wallet.address), mint, tokenProgram: TOKEN_PROGRAM_ADDRESS });
    const account = bed.chain.svm.getAccount(ata);
    if (!account.exists) throw new Error('token account missing');
    const token = getTokenDecoder().decode(account.data);
    expect(token.delegate).toEqual({ __option: 'Some', value: spender });
    expect(token.delegatedAmount).toBe(5_000n);
    expect(lamports(bed.wallet.address)).toBe(before - FEE);
  });

  it('calls a program with raw accounts and data (a System transfer, spelled out)', async () => {
    const to = await newAddress();
    const before = lamports(bed.wallet.address);
    const data = Buffer.from([...[2, 0, 0, 0], ...getU64Encoder().encode(2_000_000n)]).toString('base64');
    const accounts = [
      { address: bed.wallet.address, isSigner: true, isWritable: true },
      { address: to, isSigner: false, isWritable: true },
    ];
    await confirmed(await bed.send({ type: 'CONTRACT_CALL', to: SYSTEM_PROGRAM, data, accounts }));
    expect(lamports(to)).toBe(2_000_000n);
    expect(lamports(bed.wallet.address)).toBe(before - 2_000_000n - FEE);
  });

  it('sends a BATCH as one transaction: SOL, tokens to a new account, a memo call — one fee', async () => {
    const [alice, bob] = [await newAddress(), await newAddress()];
    const before = lamports(bed.wallet.address);
    const tokensBefore = await bed.chain.tokenBalance(mint, bed.wallet.address);
    const memo = Buffer.from('batch').toString('base64');
    const signed = await bed.send({
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to: alice, amount: LAMPORTS_PER_SOL },
        { type: 'TOKEN_TRANSFER', token: mint, to: bob, amount: 3n },
        { type: 'TOKEN_TRANSFER', token: mint, to: bob, amount: 4n },
        { type: 'CONTRACT_CALL', to: MEMO_PROGRAM, data: memo, accounts: [] },
      ],
    });
    await confirmed(signed);
    expect(lamports(alice)).toBe(LAMPORTS_PER_SOL);
    expect(await bed.chain.tokenBalance(mint, bob)).toBe(7n);
    expect(await bed.chain.tokenBalance(mint, bed.wallet.address)).toBe(tokensBefore - 7n);
    expect(lamports(bed.wallet.address)).toBe(before - LAMPORTS_PER_SOL - tokenRent - FEE);
  });

  it('keeps a BATCH atomic: when one call fails, nothing moves and nothing is paid', async () => {
    const to = await newAddress();
    const before = lamports(bed.wallet.address);
    const tokensBefore = await bed.chain.tokenBalance(mint, bed.wallet.address);
    const unsigned = await bed.adapter.build(bed.wallet.address, {
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to, amount: 1_000n },
        { type: 'TOKEN_TRANSFER', token: mint, to, amount: 5n },
        // SPL Token instruction 255 does not exist: this call fails on chain.
        { type: 'CONTRACT_CALL', to: TOKEN_PROGRAM_ADDRESS, data: Buffer.from([255]).toString('base64'), accounts: [] },
      ],
    });
    const signed = await bed.adapter.sign(unsigned, bed.wallet);
    const error = await bed.adapter.submit(signed).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CHAIN__SIMULATION_FAILED' });
    expect(lamports(to)).toBe(0n);
    expect(await bed.chain.tokenBalance(mint, to)).toBe(0n);
    expect(await bed.chain.tokenBalance(mint, bed.wallet.address)).toBe(tokensBefore);
    expect(lamports(bed.wallet.address)).toBe(before);
  });

  it('keeps a BATCH atomic on chain too: sent without preflight, it lands failed and only the fee is paid', async () => {
    const to = await newAddress();
    const adapter = bed.adapterWith({ skipPreflight: true });
    const before = lamports(bed.wallet.address);
    const unsigned = await adapter.build(bed.wallet.address, {
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to, amount: 1_000n },
        { type: 'CONTRACT_CALL', to: TOKEN_PROGRAM_ADDRESS, data: Buffer.from([255]).toString('base64'), accounts: [] },
      ],
    });
    const signed = await adapter.sign(unsigned, bed.wallet);
    await adapter.submit(signed);
    expect(await adapter.confirm(signed)).toEqual({ status: 'failed', reason: expect.stringContaining('nstruction') });
    expect(lamports(to)).toBe(0n);
    expect(lamports(bed.wallet.address)).toBe(before - FEE);
  });

  it('reports balances and assets: SOL first, then each mint held', async () => {
    const owner = await newAddress();
    await bed.chain.airdrop(owner, LAMPORTS_PER_SOL);
    await bed.chain.mintTo(mint, owner, 1_500_000n);
    expect(await bed.adapter.getBalance(owner)).toBe(LAMPORTS_PER_SOL);
    expect(await bed.adapter.getAssets(owner)).toEqual([
      { asset: 'native', symbol: 'SOL', decimals: 9, balance: LAMPORTS_PER_SOL },
      { asset: mint, decimals: 6, balance: 1_500_000n },
    ]);
  });

  it('knows a Solana address when it sees one', () => {
    expect(bed.adapter.isValidAddress(bed.wallet.address)).toBe(true);
    expect(bed.adapter.isValidAddress('11111111111111111111111111111112O')).toBe(false);
    expect(bed.adapter.isValidAddress('0x52908400098527886E0F7030069857D2E4169EE7')).toBe(false);
  });
});
