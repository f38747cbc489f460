import {
  type Address,
  compileTransaction,
  decompileTransactionMessage,
  getBase64Decoder,
  getBase64Encoder,
  getCompiledTransactionMessageDecoder,
  pipe,
  setTransactionMessageComputeUnitPrice,
} from '@solana/kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TransactionIntent, UnsignedTransaction } from '../../../signer/src/chain/chain-adapter.js';
import type { EvmSigner } from '../../../signer/src/keystore/index.js';
import { LAMPORTS_PER_SOL, type SolanaTestbed, caught, newAddress, startSolanaTestbed } from './solana-testbed.js';

const U64_MAX = 2n ** 64n - 1n;
const SYSTEM_PROGRAM = '11111111111111111111111111111111';

describe('the Solana adapter refuses, before anything is signed or sent', () => {
  let bed: SolanaTestbed;
  let mint: Address;
  let someone: string;
  let rpcCalls: number;
  let signatures: number;

  beforeAll(async () => {
    bed = await startSolanaTestbed(LAMPORTS_PER_SOL);
    mint = await bed.chain.createMint(2);
    await bed.chain.mintTo(mint, bed.wallet.address, 100n);
    someone = await newAddress();
  });
  afterAll(() => bed.close());
  beforeEach(() => {
    rpcCalls = bed.chain.calls.length;
    signatures = bed.signatures;
  });

  const build = (intent: TransactionIntent, from = bed.wallet.address) => caught(bed.adapter.build(from, intent));
  /** Refused by validation alone: not even the node was asked. */
  const offline = () => expect(bed.chain.calls.length).toBe(rpcCalls);
  const unsigned = () => {
    expect(bed.signatures).toBe(signatures);
    expect(bed.chain.calls.slice(rpcCalls)).not.toContain('sendTransaction');
  };

  type Known = { someone: string; mint: string };
  it.each<[string, (k: Known) => TransactionIntent, string?]>([
    ['the wallet', (k) => ({ type: 'TRANSFER', to: k.someone, amount: 1n }), 'not-a-wallet'],
    ['a recipient', () => ({ type: 'TRANSFER', to: '0x52908400098527886E0F7030069857D2E4169EE7', amount: 1n })],
    ['a token recipient', (k) => ({ type: 'TOKEN_TRANSFER', token: k.mint, to: 'bob', amount: 1n })],
    ['a mint', (k) => ({ type: 'TOKEN_TRANSFER', token: 'So1111111111111111111111111111111111111111O', to: k.someone, amount: 1n })],
    ['a spender', (k) => ({ type: 'APPROVE', token: k.mint, spender: '', amount: 1n })],
    ['a program', () => ({ type: 'CONTRACT_CALL', to: 'program', data: '' })],
    ['an account', () => ({ type: 'CONTRACT_CALL', to: SYSTEM_PROGRAM, accounts: [{ address: 'x', isSigner: false, isWritable: true }] })],
    ['a call in a batch', (k) => ({ type: 'BATCH', calls: [{ type: 'TRANSFER', to: k.someone, amount: 1n }, { type: 'TRANSFER', to: 'nobody', amount: 1n }] })],
  ])('an invalid address as %s (CHAIN__INVALID_ADDRESS)', async (_what, intent, from) => {
    const error = await build(intent({ someone, mint }), from ?? bed.wallet.address);
    expect(error.code).toBe('CHAIN__INVALID_ADDRESS');
    expect(error.message).toMatch(/^".*" is not a valid solana address\.$/);
    offline();
    unsigned();
  });

  it.each([0n, -5n, U64_MAX + 1n])('an amount of %s (CHAIN__INVALID_CALL)', async (amount) => {
    for (const intent of [
      { type: 'TRANSFER', to: someone, amount },
      { type: 'TOKEN_TRANSFER', token: mint, to: someone, amount },
      { type: 'APPROVE', token: mint, spender: someone, amount },
    ] as const) {
      const error = await build(intent);
      expect(error.code).toBe('CHAIN__INVALID_CALL');
      expect(error.message).toMatch(amount > 0n ? /does not fit in a u64\.$/ : /the amount must be positive, not -?\d+\.$/);
    }
    offline();
    unsigned();
  });

  it('an unlimited approval (u64::MAX), even inside a batch', async () => {
    for (const intent of [
      { type: 'APPROVE', token: mint, spender: someone, amount: U64_MAX },
      { type: 'BATCH', calls: [{ type: 'APPROVE', token: mint, spender: someone, amount: U64_MAX }] },
    ] as const) {
      const error = await build(intent);
      expect(error.code).toBe('CHAIN__INVALID_CALL');
      expect(error.message).toBe('The contract call is invalid: an unlimited approval (u64::MAX) is refused; approve the amount needed.');
    }
    offline();
    unsigned();
  });

  it('an unknown mint, or an account that is not a mint (CHAIN__UNKNOWN_TOKEN)', async () => {
    for (const token of [await newAddress(), bed.wallet.address, SYSTEM_PROGRAM]) {
      const error = await build({ type: 'TOKEN_TRANSFER', token, to: someone, amount: 1n });
      expect(error.code).toBe('CHAIN__UNKNOWN_TOKEN');
      expect(error.message).toBe(`Token ${token} does not exist on solana-local.`);
      expect((await build({ type: 'APPROVE', token, spender: someone, amount: 1n })).code).toBe('CHAIN__UNKNOWN_TOKEN');
    }
    unsigned();
  });

  it('a call to a program that does not exist, or to an account that is no program', async () => {
    const missing = await newAddress();
    expect((await build({ type: 'CONTRACT_CALL', to: missing, data: 'AA==' })).message).toBe(
      `The contract call is invalid: program ${missing} does not exist on solana-local.`,
    );
    expect((await build({ type: 'CONTRACT_CALL', to: mint, data: 'AA==' })).message).toBe(
      `The contract call is invalid: ${mint} is not an executable program.`,
    );
    unsigned();
  });

  it.each([
    ['an ABI', { abi: [], functionName: 'transfer' }, 'a Solana program call takes base64 instruction data, not an ABI'],
    ['a value', { value: 1n }, 'a Solana program call carries no value; add a TRANSFER to a BATCH instead'],
    ['data that is not base64', { data: 'not base64!' }, 'the instruction data is not base64'],
  ] as const)('a program call with %s', async (_what, extra, reason) => {
    const error = await build({ type: 'CONTRACT_CALL', to: SYSTEM_PROGRAM, ...extra });
    expect(error.message).toBe(`The contract call is invalid: ${reason}.`);
    offline();
    unsigned();
  });

  it('a program call that needs another signer, and an empty batch', async () => {
    const accounts = [{ address: someone, isSigner: true, isWritable: true }];
    expect((await build({ type: 'CONTRACT_CALL', to: SYSTEM_PROGRAM, accounts })).message).toBe(
      `The contract call is invalid: account ${someone} would have to sign, but only ${bed.wallet.address} signs.`,
    );
    expect((await build({ type: 'BATCH', calls: [] })).message).toBe('The contract call is invalid: the batch holds no calls.');
    offline();
    unsigned();
  });

  it('tokens sent to a token account instead of to a wallet', async () => {
    const tokenAccount = await bed.chain.mintTo(mint, someone, 1n);
    expect((await build({ type: 'TOKEN_TRANSFER', token: mint, to: tokenAccount, amount: 1n })).message).toBe(
      `The contract call is invalid: ${tokenAccount} is a token account, not a wallet: send to the wallet that owns it.`,
    );
    unsigned();
  });

  it('more than the wallet holds, in SOL or in tokens (CHAIN__INSUFFICIENT_FUNDS)', async () => {
    const balance = bed.chain.lamports(bed.wallet.address);
    const sol = await build({ type: 'BATCH', calls: [
      { type: 'TRANSFER', to: someone, amount: balance },
      { type: 'TRANSFER', to: someone, amount: 1n },
    ] });
    expect(sol.message).toBe(`${bed.wallet.address} holds ${balance} of native (smallest unit) but needs ${balance + 1n}.`);
    const tokens = await build({ type: 'TOKEN_TRANSFER', token: mint, to: someone, amount: 101n });
    expect(tokens.message).toBe(`${bed.wallet.address} holds 100 of ${mint} (smallest unit) but needs 101.`);
    unsigned();
  });

  it('a batch too large for one transaction', async () => {
    const calls = await Promise.all(Array.from({ length: 30 }, async () => ({ type: 'TRANSFER', to: await newAddress(), amount: 1n }) as const));
    const error = await build({ type: 'BATCH', calls });
    expect(error.message).toMatch(/^The contract call is invalid: the transaction would take \d+ bytes, over Solana's 1232\.$/);
    unsigned();
  });
});

describe('signing a Solana transaction refuses what the approval did not cover', () => {
  let bed: SolanaTestbed;
  let built: UnsignedTransaction;
  beforeAll(async () => {
    bed = await startSolanaTestbed(LAMPORTS_PER_SOL);
    built = await bed.adapter.build(bed.wallet.address, { type: 'TRANSFER', to: await newAddress(), amount: 1_000_000n });
  });
  afterAll(() => bed.close());

  const refusal = async (tx: UnsignedTransaction, signer = bed.wallet) => {
    const before = bed.signatures;
    const error = await caught(bed.adapter.sign(tx, signer));
    expect(bed.signatures).toBe(before);
    expect(error.code).toBe('CHAIN__INVALID_CALL');
    return error.message;
  };

  it('a message swapped for another one (the content digest no longer matches)', async () => {
    const other = await bed.adapter.build(bed.wallet.address, { type: 'TRANSFER', to: await newAddress(), amount: 1_000_000n });
    expect(await refusal({ ...built, payload: other.payload })).toBe(
      'The contract call is invalid: the transaction cannot be used: its message does not match its content digest.',
    );
  });

  it('a priority fee slipped in (compute-budget instructions are outside the digest)', async () => {
    const bytes = getBase64Encoder().encode(String(built.payload.message));
    const message = decompileTransactionMessage(getCompiledTransactionMessageDecoder().decode(bytes));
    if (message.version !== 0) throw new Error('build makes v0 messages');
    const pricey = compileTransaction(pipe(message, (m) => setTransactionMessageComputeUnitPrice(1_000_000_000n, m)));
    const tampered = { ...built, payload: { ...built.payload, message: getBase64Decoder().decode(pricey.messageBytes) } };
    expect(await refusal(tampered)).toBe(
      'The contract call is invalid: the transaction cannot be used: it sets compute-budget values other than the unit limit.',
    );
  });

  it('another wallet\'s key, an EVM key, another network, or a payload that is not a Solana message', async () => {
    const stranger = await startSolanaTestbed(0n);
    try {
      expect(await refusal(built, stranger.wallet)).toMatch(/it is paid by \w+, not by the signing wallet \w+\.$/);
    } finally {
      await stranger.close();
    }
    const evm: EvmSigner = {
      walletId: 'evm',
      chain: 'evm',
      address: '0x52908400098527886E0F7030069857D2E4169EE7',
      signHash: () => Promise.reject(new Error('must not be called')),
    };
    expect((await caught(bed.adapter.sign(built, evm))).message).toMatch(/an evm key cannot sign a Solana transaction/);
    expect(await refusal({ ...built, network: 'solana-mainnet' })).toMatch(/built for solana\/solana-mainnet, not solana\/solana-local/);
    expect(await refusal({ ...built, payload: { ...built.payload, message: 'AAAA' } })).toMatch(/do not decode/);
    expect(await refusal({ ...built, payload: { hello: 'world' } })).toMatch(/not a Solana message payload/);
  });
});
