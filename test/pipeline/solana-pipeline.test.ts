import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Address, address } from '@solana/kit';
import { findAssociatedTokenPda, getTokenDecoder, TOKEN_PROGRAM_ADDRESS } from '@solana-program/token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSolana, startLocalSolana } from '../chains/solana/local-solana.js';
import { agentClient } from '../support/agent.js';
import { errorCode } from '../support/http.js';
import { type RpcProxy, startRpcProxy } from '../support/rpc-proxy.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

const RECIPIENT = 'GsbwXfJraMomNxBcjYLcG3mxkBUiyWXAB32fGbSMQRdW';
const OTHER = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
const PIPELINE_ENV = { WAIAAS_PIPELINE_MAX_ATTEMPTS: '3', WAIAAS_PIPELINE_RETRY_BASE: '1s', WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' };
const SOL = 1_000_000_000n;

describe('Solana transactions through the daemon, on LiteSVM behind JSON-RPC', () => {
  let chain: LocalSolana;
  let proxy: RpcProxy;
  let home: TestHome;
  let signer: RunningSigner;
  let wallet: string;
  let mint: Address;
  let agent: ReturnType<typeof agentClient>;

  type Sim = { ok: boolean; fee: string; balanceChanges: { asset: string; delta: string }[] };
  const simulate = async (body: Record<string, unknown>) => {
    const res = await agent.call('POST', '/v1/transactions/simulate', body);
    expect(res.status, res.text).toBe(200);
    return res.body as Sim;
  };
  const deltaOf = (sim: Sim, asset: string) => BigInt(sim.balanceChanges.find((c) => c.asset === asset)?.delta ?? '0');

  beforeAll(async () => {
    chain = await startLocalSolana();
    proxy = await startRpcProxy(chain.url);
    home = await createTestHome();
    appendFileSync(join(home.home, 'config.toml'), `\n[networks.local-solana]\nfamily = "solana"\nrpc_url = "${proxy.url}"\n`);
    signer = await startSigner(home, PIPELINE_ENV);
    const created = await home.cli('wallet', 'create', '--chain', 'solana', '--network', 'local-solana', '--name', 'agent', '--json');
    wallet = created.json<{ wallet: { address: string } }>().wallet.address;
    await chain.airdrop(wallet, 10n * SOL);
    mint = await chain.createMint(6);
    await chain.mintTo(mint, wallet, 1_000_000_000n);
    for (const args of [
      ['allowed-tokens', '--token', mint],
      ['allowed-contracts', '--contract', '11111111111111111111111111111111'],
      ['spending-limit', '--asset', mint, '--instant-max', '10000000', '--notify-max', '20000000', '--delay-max', '30000000'],
    ]) {
      const set = await home.cli('policy', 'set', ...args, '--wallet', 'agent', '--json');
      expect(set.code, set.stdout + set.stderr).toBe(0);
    }
    const session = (await home.cli('session', 'create', '--wallet', 'agent', '--json')).json<{ token: string }>();
    agent = agentClient(home.socketPath, session.token);
  }, 120_000);

  afterAll(async () => {
    await signer?.stop();
    await proxy?.stop();
    await chain?.stop();
    home?.remove();
  });

  it('a SOL transfer is confirmed; the balances move by exactly what simulate predicted', async () => {
    const body = { type: 'TRANSFER', to: RECIPIENT, amount: '250000000', memo: 'invoice 42' };
    const sim = await simulate(body);
    expect(sim.ok).toBe(true);
    const [before, recipientBefore] = [chain.lamports(wallet), chain.lamports(RECIPIENT)];
    const accepted = await agent.send(body);
    // 0.25 SOL is above the default instant ceiling (0.1 SOL) and within notify (1 SOL).
    expect(accepted).toMatchObject({ status: 'PENDING', tier: 'NOTIFY' });
    expect(accepted.policyReason).toBe('250000000 ≤ notifyMax 1000000000 (wallet SPENDING_LIMIT for native)');
    const done = await agent.waitFor(accepted.id, 'CONFIRMED');
    expect(done.hash).toMatch(/^[1-9A-HJ-NP-Za-km-z]{64,88}$/);
    expect(chain.lamports(RECIPIENT)).toBe(recipientBefore + 250_000_000n);
    expect(chain.lamports(wallet) - before).toBe(deltaOf(sim, 'native'));
    expect(deltaOf(sim, 'native')).toBe(-250_000_000n - BigInt(sim.fee));
  });

  it('an SPL transfer creates the missing token account and moves exactly the amount', async () => {
    expect(await chain.tokenBalance(mint, RECIPIENT)).toBe(0n);
    const body = { type: 'TOKEN_TRANSFER', token: mint, to: RECIPIENT, amount: '1500000' };
    const sim = await simulate(body);
    const before = chain.lamports(wallet);
    const accepted = await agent.send(body);
    await agent.waitFor(accepted.id, 'CONFIRMED');
    expect(await chain.tokenBalance(mint, RECIPIENT)).toBe(1_500_000n);
    expect(await chain.tokenBalance(mint, wallet)).toBe(998_500_000n);
    expect(deltaOf(sim, mint)).toBe(-1_500_000n);
    // The wallet paid the fee and the new account's rent, as simulated.
    expect(chain.lamports(wallet) - before).toBe(deltaOf(sim, 'native'));
  });

  it('a batch lands atomically: all of its instructions or none', async () => {
    const [a, b] = [chain.lamports(RECIPIENT), chain.lamports(OTHER)];
    const ok = await agent.send({
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to: RECIPIENT, amount: '1000000' },
        { type: 'TRANSFER', to: OTHER, amount: '2000000' },
        { type: 'TOKEN_TRANSFER', token: mint, to: RECIPIENT, amount: '10' },
      ],
    });
    await agent.waitFor(ok.id, 'CONFIRMED');
    expect(chain.lamports(RECIPIENT)).toBe(a + 1_000_000n);
    expect(chain.lamports(OTHER)).toBe(b + 2_000_000n);

    // The second transfer asks for more than the wallet holds: simulation refuses the whole batch.
    const tooMuch = await agent.call('POST', '/v1/transactions/send', {
      type: 'BATCH',
      calls: [
        { type: 'TRANSFER', to: RECIPIENT, amount: '1000000' },
        { type: 'TRANSFER', to: OTHER, amount: (1000n * SOL).toString() },
      ],
    });
    expect(tooMuch.status).toBeGreaterThanOrEqual(400);
    expect(chain.lamports(RECIPIENT)).toBe(a + 1_000_000n);
  });

  it('an approve sets the delegate, and a raw program call (a system transfer) lands', async () => {
    const approve = await agent.send({ type: 'APPROVE', token: mint, spender: OTHER, amount: '777' });
    await agent.waitFor(approve.id, 'CONFIRMED');
    const [ata] = await findAssociatedTokenPda({ owner: address(wallet), mint, tokenProgram: TOKEN_PROGRAM_ADDRESS });
    const stored = chain.svm.getAccount(ata);
    if (!stored.exists) throw new Error('the wallet has no token account');
    const account = getTokenDecoder().decode(stored.data);
    expect(account.delegatedAmount).toBe(777n);
    expect(account.delegate).toEqual({ __option: 'Some', value: OTHER });

    // System program instruction 2 (Transfer): u32 index, then u64 lamports, little-endian.
    const data = Buffer.alloc(12);
    data.writeUInt32LE(2, 0);
    data.writeBigUInt64LE(3_000_000n, 4);
    const before = chain.lamports(OTHER);
    const call = await agent.send({
      type: 'CONTRACT_CALL',
      to: '11111111111111111111111111111111',
      data: data.toString('base64'),
      accounts: [
        { address: wallet, isSigner: true, isWritable: true },
        { address: OTHER, isSigner: false, isWritable: true },
      ],
    });
    await agent.waitFor(call.id, 'CONFIRMED');
    expect(chain.lamports(OTHER)).toBe(before + 3_000_000n);
  });

  it('refuses bad input with a coded 4xx before anything is stored or signed', async () => {
    const count = async () => ((await agent.call('GET', '/v1/transactions?limit=100')).body as { transactions: unknown[] }).transactions.length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'TRANSFER', to: 'not-base58-0OIl', amount: '1' }, 'CHAIN__INVALID_ADDRESS'],
      [{ type: 'TRANSFER', to: '0x00000000000000000000000000000000000A11cE', amount: '1' }, 'CHAIN__INVALID_ADDRESS'],
      [{ type: 'TRANSFER', to: RECIPIENT, amount: '0' }, 'REQUEST__VALIDATION_FAILED'],
      [{ type: 'TRANSFER', to: RECIPIENT, amount: '-1' }, 'REQUEST__VALIDATION_FAILED'],
      [{ type: 'TOKEN_TRANSFER', token: OTHER, to: RECIPIENT, amount: '1' }, 'CHAIN__UNKNOWN_TOKEN'],
      [{ type: 'APPROVE', token: mint, spender: OTHER, amount: (2n ** 64n - 1n).toString() }, 'CHAIN__INVALID_CALL'],
    ];
    for (const [body, code] of cases) {
      const res = await agent.call('POST', '/v1/transactions/send', body);
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text).toBeLessThan(500);
      expect(errorCode(res), JSON.stringify(body)).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it('balance and assets report SOL and the SPL token', async () => {
    const balance = (await agent.call('GET', '/v1/wallet/balance')).body as { asset: { balance: string; symbol: string } };
    expect(BigInt(balance.asset.balance)).toBe(chain.lamports(wallet));
    expect(balance.asset.symbol).toBe('SOL');
    const assets = (await agent.call('GET', '/v1/wallet/assets')).body as { assets: { asset: string; balance: string }[] };
    expect(assets.assets.find((a) => a.asset === mint)?.balance).toBe(String(await chain.tokenBalance(mint, wallet)));
  });

  it('an expired blockhash is rebuilt and re-signed, and the transfer lands exactly once', async () => {
    const before = chain.lamports(RECIPIENT);
    proxy.block('sendTransaction');
    const accepted = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '4242' });
    const signed = await agent.waitFor(accepted.id, 'SIGNED');
    chain.expireBlockhash();
    proxy.unblock();
    const done = await agent.waitFor(accepted.id, 'CONFIRMED');
    expect(done.hash).not.toBe(signed.hash);
    expect(chain.lamports(RECIPIENT)).toBe(before + 4242n);
  });

  it('killed after SIGNED, restarted: the same signature lands exactly once', async () => {
    const before = chain.lamports(RECIPIENT);
    proxy.block('sendTransaction');
    const accepted = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '31337' });
    const signed = await agent.waitFor(accepted.id, 'SIGNED');
    signer.process.kill('SIGKILL');
    await signer.stop();
    proxy.unblock();
    signer = await startSigner(home, PIPELINE_ENV);
    const done = await agent.waitFor(accepted.id, 'CONFIRMED');
    expect(done.hash).toBe(signed.hash);
    expect(chain.lamports(RECIPIENT)).toBe(before + 31_337n);
  });

  it('RPC down: retries with backoff, then fails with a coded error', async () => {
    proxy.block('*');
    const accepted = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '1' });
    const failed = await agent.waitFor(accepted.id, 'FAILED', 20_000);
    proxy.unblock();
    expect(failed.error?.code).toBe('CHAIN__RPC_UNAVAILABLE');
  });
});
