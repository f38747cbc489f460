import { encodeFunctionData, getAddress } from 'viem';
import { getBalance } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployErc20, erc20PresetAbi } from '../chains/evm/erc20.js';
import type { Anvil } from '../chains/evm/start-anvil.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { agentClient } from '../support/agent.js';
import { errorCode } from '../support/http.js';
import type { TestHome } from '../support/signer-home.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000c0ffe');
const ETH = 10n ** 18n;

describe('policy tiers through the daemon, on a real anvil chain', () => {
  let anvil: Anvil;
  let home: TestHome;
  let h: EvmSigner;
  let agent: ReturnType<typeof agentClient>;
  let token: `0x${string}`;
  const balance = () => getBalance(anvil.client, { address: RECIPIENT });
  const policy = async (...args: string[]) => {
    const r = await home.cli('policy', ...args, '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r.json<{ policy: { id: string } }>();
  };

  beforeAll(async () => {
    h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    ({ anvil, home } = h);
    const wallet = getAddress(await h.newWallet('agent', 100n * ETH));
    token = await deployErc20(anvil, { supply: 10n ** 24n, owner: wallet });
    agent = agentClient(home.socketPath, (await home.cli('session', 'create', '--wallet', 'agent', '--json')).json<{ token: string }>().token);
  }, 120_000);

  afterAll(() => h?.stop());

  it('a new wallet has a default spending limit that sorts amounts into tiers, with the reason', async () => {
    const { policies } = (await agent.call('GET', '/v1/policies')).body as { policies: { scope: string; rule: Record<string, unknown> }[] };
    expect(policies).toEqual([
      expect.objectContaining({
        scope: 'wallet',
        rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '1000000000000000', notifyMax: '10000000000000000', delayMax: '100000000000000000', delaySeconds: 900 },
      }),
    ]);
    const cases: [bigint, string, string][] = [
      [ETH / 1000n, 'INSTANT', 'PENDING'],
      [ETH / 200n, 'NOTIFY', 'PENDING'],
      [ETH / 20n, 'DELAY', 'QUEUED'],
      [ETH, 'DELAY', 'QUEUED'],
    ];
    for (const [amount, tier, status] of cases) {
      const sim = (await agent.call('POST', '/v1/transactions/simulate', { type: 'TRANSFER', to: RECIPIENT, amount: amount.toString() })).body as { tier: string };
      expect(sim.tier).toBe(tier);
      const sent = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: amount.toString() });
      expect(sent).toMatchObject({ tier, status });
      if (status === 'QUEUED') await agent.call('POST', `/v1/transactions/${sent.id}/cancel`);
    }
    const approval = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: ETH.toString() });
    expect(approval.policyReason).toBe(
      '1000000000000000000 > delayMax 100000000000000000 (wallet SPENDING_LIMIT for native); APPROVAL downgraded to DELAY: no Owner is registered',
    );
    await agent.call('POST', `/v1/transactions/${approval.id}/cancel`);
  });

  it('DELAY waits its cooldown, can be cancelled by the agent, and then executes by itself', async () => {
    await policy('set', 'spending-limit', '--wallet', 'agent', '--instant-max', '0', '--notify-max', '0', '--delay-max', '1 ETH', '--delay', '2s');
    const before = await balance();
    const kept = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '1000' });
    const dropped = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '2000' });
    expect(kept).toMatchObject({ tier: 'DELAY', status: 'QUEUED' });
    expect(Date.parse(kept.executeAt ?? '')).toBeGreaterThan(Date.now());
    const cancelled = await agent.call('POST', `/v1/transactions/${dropped.id}/cancel`);
    expect((cancelled.body as { status: string }).status).toBe('CANCELLED');
    await new Promise((r) => setTimeout(r, 500));
    expect(await balance()).toBe(before);
    await agent.waitFor(kept.id, 'CONFIRMED', 20_000);
    expect(await balance()).toBe(before + 1000n);
  });

  it('unknown tokens and contracts are refused until the Owner allows them, and then only as allowed', async () => {
    const transfer = { type: 'TOKEN_TRANSFER', token, to: RECIPIENT, amount: '5' };
    const refused = await agent.call('POST', '/v1/transactions/send', transfer);
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('POLICY__TOKEN_NOT_ALLOWED');
    const transferData = encodeFunctionData({ abi: erc20PresetAbi, functionName: 'transfer', args: [RECIPIENT, 1n] });
    const approveData = encodeFunctionData({ abi: erc20PresetAbi, functionName: 'approve', args: [RECIPIENT, 1n] });
    expect(errorCode(await agent.call('POST', '/v1/transactions/send', { type: 'CONTRACT_CALL', to: token, data: transferData }))).toBe(
      'POLICY__CONTRACT_NOT_ALLOWED',
    );

    await policy('set', 'allowed-tokens', '--wallet', 'agent', '--token', token.toLowerCase());
    await policy('set', 'allowed-contracts', '--wallet', 'agent', '--contract', `${token}:${transferData.slice(0, 10)}`);
    // Allowed token with no spending limit for it: the Owner decides (downgraded to DELAY here).
    const noLimit = await agent.send(transfer);
    expect(noLimit).toMatchObject({ tier: 'DELAY', status: 'QUEUED' });
    expect(noLimit.policyReason).toContain(`no spending limit is set for ${token.toLowerCase()}`);
    await agent.call('POST', `/v1/transactions/${noLimit.id}/cancel`);

    await policy('set', 'spending-limit', '--wallet', 'agent', '--asset', token, '--instant-max', '100', '--notify-max', '200', '--delay-max', '300');
    const instant = await agent.send(transfer);
    expect(instant.tier).toBe('INSTANT');
    await agent.waitFor(instant.id, 'CONFIRMED');
    const call = await agent.send({ type: 'CONTRACT_CALL', to: token, data: transferData });
    await agent.waitFor(call.id, 'CONFIRMED');
    const otherMethod = await agent.call('POST', '/v1/transactions/send', { type: 'CONTRACT_CALL', to: token, data: approveData });
    expect((otherMethod.body as { error: { message: string } }).error.message).toBe(
      `Calls to ${token} (method ${approveData.slice(0, 10)}) are not on this wallet's allowlist; the Owner can add it with "waiaas policy set allowed-contracts".`,
    );
  });

  it('policy list shows the rules readably and remove takes one away', async () => {
    const listed = await home.cli('policy', 'list', '--wallet', 'agent');
    expect(listed.stdout).toContain('SPENDING_LIMIT native: INSTANT ≤ 0 ETH, NOTIFY ≤ 0 ETH, DELAY (2s) ≤ 1 ETH, above: APPROVAL');
    expect(listed.stdout).toContain('ALLOWED_TOKENS');
    const { policies } = (await home.cli('policy', 'list', '--json')).json<{ policies: { id: string; rule: { type: string } }[] }>();
    const tokens = policies.find((p) => p.rule.type === 'ALLOWED_TOKENS');
    await policy('remove', tokens?.id ?? '');
    expect(errorCode(await agent.call('POST', '/v1/transactions/send', { type: 'TOKEN_TRANSFER', token, to: RECIPIENT, amount: '5' }))).toBe(
      'POLICY__TOKEN_NOT_ALLOWED',
    );
    const missing = await home.cli('policy', 'remove', tokens?.id ?? '', '--json');
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('POLICY__NOT_FOUND');
  });
});
