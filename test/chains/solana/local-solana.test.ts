import {
  type Blockhash,
  type KeyPairSigner,
  appendTransactionMessageInstructions,
  createTransactionMessage,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from '@solana/kit';
import { getTransferSolInstruction } from '@solana-program/system';
import { TOKEN_PROGRAM_ADDRESS } from '@solana-program/token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSolana, startLocalSolana } from './local-solana.js';

const SOL = 1_000_000_000n;

describe('the local Solana node', () => {
  let chain: LocalSolana;
  let payer: KeyPairSigner;

  beforeAll(async () => {
    chain = await startLocalSolana();
    payer = await generateKeyPairSigner();
    await chain.airdrop(payer.address, 10n * SOL);
  });
  afterAll(() => chain.stop());

  /** One raw JSON-RPC call, so the test sees exactly what a client would parse. */
  async function call(method: string, ...params: unknown[]): Promise<Record<string, unknown>> {
    const response = await fetch(chain.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  async function transfer(lamports: bigint, blockhash = chain.clock.latestBlockhash().blockhash as Blockhash) {
    const to = (await generateKeyPairSigner()).address;
    const tx = await signTransactionMessageWithSigners(
      pipe(
        createTransactionMessage({ version: 0 }),
        (m) => setTransactionMessageFeePayerSigner(payer, m),
        (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash, lastValidBlockHeight: 0n }, m),
        (m) => appendTransactionMessageInstructions([getTransferSolInstruction({ source: payer, destination: to, amount: lamports })], m),
      ),
    );
    return { to, wire: getBase64EncodedWireTransaction(tx), signature: getSignatureFromTransaction(tx) };
  }

  it('hands out the latest blockhash, valid for 150 blocks, and expires it on request', async () => {
    const slot = chain.clock.slot();
    const first = await call('getLatestBlockhash', { commitment: 'confirmed' });
    expect(first).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { context: { apiVersion: '3.0.0', slot: Number(slot) }, value: { blockhash: expect.any(String), lastValidBlockHeight: 1150 } },
    });
    chain.expireBlockhash();
    expect((await call('getBlockHeight')).result).toBe(1151);
    const second = await call('getLatestBlockhash');
    expect(second).toMatchObject({ result: { context: { slot: Number(slot) + 151 }, value: { lastValidBlockHeight: 1301 } } });
    expect(second).not.toMatchObject({ result: { value: { blockhash: (first.result as { value: { blockhash: string } }).value.blockhash } } });
  });

  it('executes a sent transaction once: a re-send is refused in preflight, or dropped without it', async () => {
    const { to, wire, signature } = await transfer(SOL);
    expect(await call('sendTransaction', wire, { encoding: 'base64' })).toEqual({ jsonrpc: '2.0', id: 1, result: signature });
    expect(chain.lamports(to)).toBe(SOL);
    expect(await call('sendTransaction', wire, { encoding: 'base64' })).toMatchObject({
      error: {
        code: -32002,
        message: 'Transaction simulation failed: This transaction has already been processed',
        data: { err: 'AlreadyProcessed', accounts: null, logs: [] },
      },
    });
    expect(await call('sendTransaction', wire, { encoding: 'base64', skipPreflight: true })).toMatchObject({ result: signature });
    expect(chain.lamports(to)).toBe(SOL);
    expect(await call('getSignatureStatuses', [signature, (await transfer(1n)).signature])).toMatchObject({
      result: { value: [{ slot: expect.any(Number), confirmations: null, err: null, status: { Ok: null }, confirmationStatus: 'finalized' }, null] },
    });
  });

  it('answers an old blockhash with the validator\'s "Blockhash not found" preflight error', async () => {
    const old = chain.clock.latestBlockhash().blockhash;
    chain.expireBlockhash();
    const { wire } = await transfer(SOL, old);
    expect(await call('sendTransaction', wire, { encoding: 'base64' })).toMatchObject({
      error: { code: -32002, message: 'Transaction simulation failed: Blockhash not found', data: { err: 'BlockhashNotFound' } },
    });
  });

  it('reports a failing instruction in preflight, and as the landed status without preflight', async () => {
    const { wire, signature } = await transfer(1_000n * SOL);
    expect(await call('sendTransaction', wire, { encoding: 'base64' })).toMatchObject({
      error: {
        code: -32002,
        message: 'Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1',
        data: { err: { InstructionError: [0, { Custom: 1 }] }, logs: expect.arrayContaining([expect.stringMatching(/insufficient lamports/)]) },
      },
    });
    await call('sendTransaction', wire, { encoding: 'base64', skipPreflight: true });
    expect(await call('getSignatureStatuses', [signature])).toMatchObject({
      result: { value: [{ err: { InstructionError: [0, { Custom: 1 }] }, status: { Err: { InstructionError: [0, { Custom: 1 }] } } }] },
    });
  });

  it('serves accounts in base64 and token accounts jsonParsed', async () => {
    const mint = await chain.createMint(6);
    const ata = await chain.mintTo(mint, payer.address, 1_500_000n);
    const accounts = await call('getMultipleAccounts', [payer.address, (await generateKeyPairSigner()).address], { encoding: 'base64' });
    expect(accounts).toMatchObject({
      result: { value: [{ data: ['', 'base64'], executable: false, owner: '11111111111111111111111111111111', space: 0 }, null] },
    });
    const tokens = await call('getTokenAccountsByOwner', payer.address, { programId: TOKEN_PROGRAM_ADDRESS }, { encoding: 'jsonParsed' });
    expect(tokens).toMatchObject({
      result: {
        value: [
          {
            pubkey: ata,
            account: {
              owner: TOKEN_PROGRAM_ADDRESS,
              data: {
                program: 'spl-token',
                space: 165,
                parsed: {
                  type: 'account',
                  info: { mint, owner: payer.address, state: 'initialized', isNative: false, tokenAmount: { amount: '1500000', decimals: 6, uiAmount: 1.5, uiAmountString: '1.5' } },
                },
              },
            },
          },
        ],
      },
    });
  });

  it('answers unknown methods as a validator does, and can play dead', async () => {
    expect(await call('getVoteAccounts')).toMatchObject({ error: { code: -32601, message: 'Method not found' } });
    chain.setOutage('http-503');
    expect((await fetch(chain.url, { method: 'POST', body: '{}' })).status).toBe(503);
    chain.setOutage(undefined);
    expect(await call('getBlockHeight')).toMatchObject({ result: expect.any(Number) });
  });
});
