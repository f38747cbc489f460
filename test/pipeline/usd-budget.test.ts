import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Address } from '@solana/kit';
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSolana, startLocalSolana } from '../chains/solana/local-solana.js';
import { agentClient } from '../support/agent.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { errorCode } from '../support/http.js';
import type { TestHome } from '../support/signer-home.js';

const EVM_TO = getAddress('0x00000000000000000000000000000000000b0d6e');
const SOL_TO = 'GsbwXfJraMomNxBcjYLcG3mxkBUiyWXAB32fGbSMQRdW';
const ETH = 10n ** 18n;
const SOL = 1_000_000_000n;
/** Fixed prices: 1 ETH = $2000, 1 SOL = $100; the Solana test token has no price at all. */
const PRICES = '[prices.fixed]\n"evm:native" = { usd = "2000" }\n"solana:native" = { usd = "100" }\n';
const eth = (usd: bigint) => ((usd * ETH) / 2000n).toString();
const sol = (usd: bigint) => ((usd * SOL) / 100n).toString();

type Agent = ReturnType<typeof agentClient>;

describe('a global USD budget is one budget for a Solana and an EVM wallet together', () => {
  let h: EvmSigner;
  let chain: LocalSolana;
  let home: TestHome;
  let evm: Agent;
  let solana: Agent;
  let mint: Address;

  const cli = async (...args: string[]) => {
    const r = await home.cli(...args);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r;
  };
  const usdRefusal = (usdUsed: string, usdAmount: string) => ({
    error: {
      code: 'POLICY__USD_ROLLING_LIMIT_EXCEEDED',
      message: `All wallets together may move at most $100 per 24h and have $${usdUsed} spent or reserved in that window; the request, worth $${usdAmount}, would exceed it.`,
      context: { scope: 'global', window: '24h', usdMax: '100', usdUsed, usdAmount },
    },
  });
  const evmSend = (amount: string) => evm.call('POST', '/v1/transactions/send', { type: 'TRANSFER', to: EVM_TO, amount });
  const solSend = (amount: string) => solana.call('POST', '/v1/transactions/send', { type: 'TRANSFER', to: SOL_TO, amount });

  beforeAll(async () => {
    const env = { WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100', WAIAAS_PRICES_MAX_AGE: '1h' };
    [h, chain] = await Promise.all([startEvmSigner(env), startLocalSolana()]);
    home = h.home;
    appendFileSync(join(home.home, 'config.toml'), `\n[networks.local-solana]\nfamily = "solana"\nrpc_url = "${chain.url}"\n\n${PRICES}`);
    await h.restart();
    evm = await h.newAgent('evm', { wei: 10n * ETH });
    const created = await cli('wallet', 'create', '--chain', 'solana', '--network', 'local-solana', '--name', 'sol', '--json');
    const solAddress = created.json<{ wallet: { address: string } }>().wallet.address;
    await chain.airdrop(solAddress, 10n * SOL);
    mint = await chain.createMint(6);
    await chain.mintTo(mint, solAddress, 1_000_000n);
    solana = agentClient(home.socketPath, (await cli('session', 'create', '--wallet', 'sol', '--json')).json<{ token: string }>().token);
    // Up to $60 on EVM goes through at once (the budget, not the tier, is under test); above: DELAY.
    await cli('policy', 'set', 'spending-limit', '--wallet', 'evm', '--instant-max', '0.03 ETH', '--notify-max', '0.03 ETH', '--delay-max', '1 ETH');
    await cli('policy', 'set', 'spending-limit', '--wallet', 'sol', '--instant-max', '5 SOL', '--notify-max', '5 SOL', '--delay-max', '5 SOL');
    await cli('policy', 'set', 'allowed-tokens', '--wallet', 'sol', '--token', mint);
    await cli('policy', 'set', 'spending-limit', '--wallet', 'sol', '--asset', mint, '--instant-max', '1000000', '--notify-max', '1000000', '--delay-max', '1000000');
    const set = await cli('policy', 'set', 'rolling-limit', '--usd-max', '$100', '--window', '24h');
    expect(set.stdout).toContain('Set global policy');
  }, 180_000);

  afterAll(async () => {
    await h?.stop();
    await chain?.stop();
  });

  it('the Owner sees the budget in words', async () => {
    expect((await cli('policy', 'list')).stdout).toContain(
      'ROLLING_LIMIT in USD: at most $100 per 24h for all wallets together, each request at its USD value when accepted; above: refused, no fresh price: APPROVAL',
    );
  });

  it('a token without a price fails closed: APPROVAL, downgraded to DELAY with no Owner', async () => {
    const sent = await solana.call('POST', '/v1/transactions/send', { type: 'TOKEN_TRANSFER', token: mint, to: SOL_TO, amount: '5' });
    expect(sent.body).toMatchObject({
      status: 'QUEUED',
      tier: 'DELAY',
      policyReason: `no USD value for ${mint}: no fresh price (global ROLLING_LIMIT of $100 per 24h); APPROVAL downgraded to DELAY: no Owner is registered`,
    });
    await solana.call('POST', `/v1/transactions/${(sent.body as { id: string }).id}/cancel`);
  }, 60_000);

  it('what one wallet spends, the other may no longer spend; a cancelled request gives its share back', async () => {
    // $70 on EVM waits in DELAY, but is reserved: Solana's $40 no longer fits.
    const queued = (await evmSend(eth(70n))).body as { id: string; status: string };
    expect(queued.status).toBe('QUEUED');
    expect((await solSend(sol(40n))).body).toEqual(usdRefusal('70.00', '40.00'));
    await evm.call('POST', `/v1/transactions/${queued.id}/cancel`);

    const first = (await solSend(sol(60n))).body as { id: string };
    await solana.waitFor(first.id, 'CONFIRMED');
    expect((await evmSend(eth(50n))).body).toEqual(usdRefusal('60.00', '50.00'));
    const second = (await evmSend(eth(40n))).body as { id: string };
    await evm.waitFor(second.id, 'CONFIRMED');
    // Exactly at $100: even a single lamport (valued rounded up) is over.
    expect((await solSend('1')).body).toEqual(usdRefusal('100.00', '0.0000001'));
  }, 120_000);

  it('a later price move does not rewrite history: spent value stays as it was when accepted', async () => {
    const config = join(home.home, 'config.toml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"evm:native" = { usd = "2000" }', '"evm:native" = { usd = "4000" }'));
    await h.restart();
    // Revalued at $4000 the EVM transfer would count $80 and the total $140; it counts $40 as accepted.
    expect((await evmSend('1')).body).toMatchObject(usdRefusal('100.00', '0.000000000000004'));
  }, 60_000);

  it('many parallel sends from both wallets never take more than the global budget', async () => {
    // A weekly budget $30 above what is spent: 80 sends of $1 race for it from two wallets.
    await cli('policy', 'set', 'rolling-limit', '--usd-max', '130', '--window', '7d');
    const removable = (await cli('policy', 'list', '--json')).json<{ policies: { id: string; rule: { window?: string; usdMax?: string } }[] }>();
    const daily = removable.policies.find((p) => p.rule.usdMax === '100');
    await cli('policy', 'remove', daily?.id ?? 'missing');
    const results = await Promise.all(
      Array.from({ length: 40 }, () => [evmSend((ETH / 4000n).toString()), solSend(sol(1n))]).flat(),
    );
    const accepted = results.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(30);
    expect(results.filter((r) => r.status === 403 && errorCode(r) === 'POLICY__USD_ROLLING_LIMIT_EXCEEDED')).toHaveLength(50);
    const last = await evmSend('1');
    expect((last.body as { error: { context: { usdUsed: string } } }).error.context.usdUsed).toBe('130.00');
  }, 180_000);
});
