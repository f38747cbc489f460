import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Address, encodeFunctionData, getAddress } from 'viem';
import { getBalance, getTransactionReceipt, readContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployErc20, erc20PresetAbi } from '../chains/evm/erc20.js';
import { type Anvil, startAnvil } from '../chains/evm/start-anvil.js';
import { agentClient } from '../support/agent.js';
import { errorCode } from '../support/http.js';
import { type RpcProxy, startRpcProxy } from '../support/rpc-proxy.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000a11ce');
const SPENDER = getAddress('0x000000000000000000000000000000000000b0b0');
const PIPELINE_ENV = { WAIAAS_PIPELINE_MAX_ATTEMPTS: '3', WAIAAS_PIPELINE_RETRY_BASE: '1s', WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' };

describe('EVM transactions through the daemon, on a real anvil chain', () => {
  let anvil: Anvil;
  let proxy: RpcProxy;
  let home: TestHome;
  let signer: RunningSigner;
  let wallet: Address;
  let token: Address;
  let agent: ReturnType<typeof agentClient>;

  const ethOf = (address: Address) => getBalance(anvil.client, { address });
  const tokenOf = (address: Address) =>
    readContract(anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'balanceOf', args: [address] });
  const feeOf = async (hash: string) => {
    const receipt = await getTransactionReceipt(anvil.client, { hash: hash as `0x${string}` });
    return receipt.gasUsed * receipt.effectiveGasPrice;
  };

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startRpcProxy(anvil.url);
    home = await createTestHome();
    appendFileSync(join(home.home, 'config.toml'), `\n[networks.local-evm]\nfamily = "evm"\nrpc_url = "${proxy.url}"\nchain_id = ${anvil.chainId}\n`);
    signer = await startSigner(home, PIPELINE_ENV);
    const created = await home.cli('wallet', 'create', '--chain', 'evm', '--network', 'local-evm', '--name', 'agent', '--json');
    wallet = getAddress(created.json<{ wallet: { address: string } }>().wallet.address);
    await anvil.fund(wallet, 10n ** 19n);
    token = await deployErc20(anvil, { supply: 1_000_000n * 10n ** 18n, owner: wallet });
    // The Owner allows this token (transfers, approvals, and calls to it) with limits of its own.
    for (const args of [
      ['allowed-tokens', '--token', token],
      ['allowed-contracts', '--contract', token],
      ['spending-limit', '--asset', token, '--instant-max', '100000', '--notify-max', '200000', '--delay-max', '300000'],
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
    await anvil?.stop();
    home?.remove();
  });

  it('an ETH transfer is confirmed and moves exactly the amount plus the gas paid', async () => {
    const [before, recipientBefore] = [await ethOf(wallet), await ethOf(RECIPIENT)];
    const accepted = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '1234567890', justification: 'paying for an API call' });
    expect(accepted).toMatchObject({ status: 'PENDING', tier: 'INSTANT' });
    const done = await agent.waitFor(accepted.id, 'CONFIRMED');
    expect(done.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await ethOf(RECIPIENT)).toBe(recipientBefore + 1_234_567_890n);
    expect(await ethOf(wallet)).toBe(before - 1_234_567_890n - (await feeOf(done.hash ?? '')));
  });

  it('an ERC-20 transfer, a contract call by ABI and an approve land with exact token effects', async () => {
    const before = await tokenOf(RECIPIENT);
    const transfer = await agent.send({ type: 'TOKEN_TRANSFER', token, to: RECIPIENT, amount: '5000' });
    await agent.waitFor(transfer.id, 'CONFIRMED');
    expect(await tokenOf(RECIPIENT)).toBe(before + 5000n);

    const call = await agent.send({
      type: 'CONTRACT_CALL',
      to: token,
      abi: erc20PresetAbi as unknown as Record<string, unknown>[],
      functionName: 'transfer',
      args: [RECIPIENT, '7'],
    });
    await agent.waitFor(call.id, 'CONFIRMED');
    expect(await tokenOf(RECIPIENT)).toBe(before + 5007n);

    const raw = await agent.send({
      type: 'CONTRACT_CALL',
      to: token,
      data: encodeFunctionData({ abi: erc20PresetAbi, functionName: 'transfer', args: [RECIPIENT, 3n] }),
    });
    await agent.waitFor(raw.id, 'CONFIRMED');
    expect(await tokenOf(RECIPIENT)).toBe(before + 5010n);

    const approve = await agent.send({ type: 'APPROVE', token, spender: SPENDER, amount: '42' });
    await agent.waitFor(approve.id, 'CONFIRMED');
    const allowance = await readContract(anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'allowance', args: [wallet, SPENDER] });
    expect(allowance).toBe(42n);
  });

  it('concurrent sends from one wallet get consecutive nonces and all land', async () => {
    const before = await ethOf(RECIPIENT);
    const sent = await Promise.all(Array.from({ length: 12 }, () => agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '10' })));
    const done = await Promise.all(sent.map((tx) => agent.waitFor(tx.id, 'CONFIRMED')));
    expect(new Set(done.map((tx) => tx.hash)).size).toBe(12);
    expect(await ethOf(RECIPIENT)).toBe(before + 120n);
  });

  it('simulate predicts the token effect that the real send then has, and stores nothing', async () => {
    const body = { type: 'TOKEN_TRANSFER', token, to: RECIPIENT, amount: '900' };
    const listed = (await agent.call('GET', '/v1/transactions?limit=100')).body as { transactions: unknown[] };
    const sim = await agent.call('POST', '/v1/transactions/simulate', body);
    expect(sim.status).toBe(200);
    expect(sim.body).toMatchObject({ ok: true, tier: 'INSTANT', error: null });
    const changes = (sim.body as { balanceChanges: { asset: string; delta: string }[] }).balanceChanges;
    expect(changes.find((c) => c.asset.toLowerCase() === token.toLowerCase())?.delta).toBe('-900');
    expect(((await agent.call('GET', '/v1/transactions?limit=100')).body as { transactions: unknown[] }).transactions).toHaveLength(
      listed.transactions.length,
    );
    const before = await tokenOf(wallet);
    const sent = await agent.send(body);
    await agent.waitFor(sent.id, 'CONFIRMED');
    expect((await tokenOf(wallet)) - before).toBe(-900n);
  });

  it('a repeated idempotency key returns the first transaction and never pays twice', async () => {
    const before = await ethOf(RECIPIENT);
    const body = { type: 'TRANSFER', to: RECIPIENT, amount: '1000', idempotencyKey: 'invoice-17' };
    const [a, b] = await Promise.all([agent.send(body), agent.send(body)]);
    expect(b.id).toBe(a.id);
    await agent.waitFor(a.id, 'CONFIRMED');
    expect((await agent.send(body)).id).toBe(a.id);
    expect(await ethOf(RECIPIENT)).toBe(before + 1000n);
    const conflict = await agent.call('POST', '/v1/transactions/send', { ...body, amount: '2000' });
    expect(conflict.status).toBe(409);
    expect(errorCode(conflict)).toBe('TRANSACTION__IDEMPOTENCY_CONFLICT');
  });

  it('refuses bad input with a coded 4xx before anything is stored or signed', async () => {
    const count = async () => ((await agent.call('GET', '/v1/transactions?limit=100')).body as { transactions: unknown[] }).transactions.length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'TRANSFER', to: '0x00000000000000000000000000000000000a11cE', amount: '1' }, 'CHAIN__INVALID_ADDRESS'],
      [{ type: 'TRANSFER', to: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin', amount: '1' }, 'CHAIN__INVALID_ADDRESS'],
      [{ type: 'TRANSFER', to: RECIPIENT, amount: '0' }, 'REQUEST__VALIDATION_FAILED'],
      [{ type: 'TRANSFER', to: RECIPIENT, amount: '-5' }, 'REQUEST__VALIDATION_FAILED'],
      [{ type: 'TRANSFER', to: RECIPIENT, amount: '1.5' }, 'REQUEST__VALIDATION_FAILED'],
      [{ type: 'TRANSFER', to: RECIPIENT, amount: 5 }, 'REQUEST__VALIDATION_FAILED'],
      [{ type: 'TRANSFER', to: RECIPIENT, amount: '1', surprise: true }, 'REQUEST__VALIDATION_FAILED'],
      [{ type: 'TOKEN_TRANSFER', token: RECIPIENT, to: RECIPIENT, amount: '1' }, 'CHAIN__UNKNOWN_TOKEN'],
      [{ type: 'CONTRACT_CALL', to: token, abi: erc20PresetAbi, functionName: 'transfer', args: ['nope'] }, 'CHAIN__INVALID_CALL'],
      [{ type: 'APPROVE', token, spender: SPENDER, amount: (2n ** 256n - 1n).toString() }, 'CHAIN__INVALID_CALL'],
      [{ type: 'BATCH', calls: [{ type: 'TRANSFER', to: RECIPIENT, amount: '1' }] }, 'CHAIN__UNSUPPORTED'],
      [{ type: 'TRANSFER', to: RECIPIENT, amount: (10n ** 30n).toString() }, 'CHAIN__INSUFFICIENT_FUNDS'],
    ];
    for (const [body, code] of cases) {
      const res = await agent.call('POST', '/v1/transactions/send', body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text).toBeLessThan(500);
      expect(errorCode(res), JSON.stringify(body)).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it('balance and assets come from the chain', async () => {
    const balance = (await agent.call('GET', '/v1/wallet/balance')).body as { asset: { balance: string; symbol: string } };
    expect(BigInt(balance.asset.balance)).toBe(await ethOf(wallet));
    expect(balance.asset.symbol).toBe('ETH');
    const assets = (await agent.call('GET', '/v1/wallet/assets')).body as { assets: { asset: string }[] };
    expect(assets.assets[0]?.asset).toBe('native');
  });

  it('lists transactions newest first with a cursor', async () => {
    const firstRes = await agent.call('GET', '/v1/transactions?limit=2');
    expect(firstRes.status, firstRes.text).toBe(200);
    const first = firstRes.body as { transactions: { id: string }[]; nextCursor: string };
    expect(first.transactions).toHaveLength(2);
    const second = (await agent.call('GET', `/v1/transactions?limit=2&cursor=${first.nextCursor}`)).body as { transactions: { id: string }[] };
    expect((second.transactions[0]?.id ?? '') < (first.transactions[1]?.id ?? '')).toBe(true);
    const confirmed = (await agent.call('GET', '/v1/transactions?status=CONFIRMED&limit=100')).body as { transactions: { status: string }[] };
    expect(confirmed.transactions.every((t) => t.status === 'CONFIRMED')).toBe(true);
  });

  it('a waiting transaction can be cancelled and is never sent', async () => {
    proxy.block('*');
    const before = await ethOf(RECIPIENT);
    const accepted = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '777' });
    const cancelled = await agent.call('POST', `/v1/transactions/${accepted.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as { status: string }).status).toBe('CANCELLED');
    proxy.unblock();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await agent.get(accepted.id)).status).toBe('CANCELLED');
    expect(await ethOf(RECIPIENT)).toBe(before);
    const again = await agent.call('POST', `/v1/transactions/${accepted.id}/cancel`);
    expect(errorCode(again)).toBe('TRANSACTION__NOT_CANCELLABLE');
  });

  it('RPC down: retries with backoff, then fails with a coded error', async () => {
    proxy.block('*');
    const accepted = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '1' });
    const failed = await agent.waitFor(accepted.id, 'FAILED', 20_000);
    proxy.unblock();
    expect(failed.error?.code).toBe('CHAIN__RPC_UNAVAILABLE');
  });

  it('killed after SIGNED, restarted: the same signed transaction lands exactly once', async () => {
    const before = await ethOf(RECIPIENT);
    proxy.block('eth_sendRawTransaction');
    const accepted = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '31337' });
    const signed = await agent.waitFor(accepted.id, 'SIGNED');
    signer.process.kill('SIGKILL');
    await signer.stop();
    proxy.unblock();
    signer = await startSigner(home, PIPELINE_ENV);
    const done = await agent.waitFor(accepted.id, 'CONFIRMED');
    expect(done.hash).toBe(signed.hash);
    expect(await ethOf(RECIPIENT)).toBe(before + 31_337n);
  });
});
