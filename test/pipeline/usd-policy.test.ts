import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Anvil, startAnvil } from '../chains/evm/start-anvil.js';
import { agentClient } from '../support/agent.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000c0ffe');
const ETH = 10n ** 18n;
const LABEL = '(wallet SPENDING_LIMIT for native)';

/** A signer on anvil whose config.toml prices ETH with `priceLine`, and an agent with a USD-tiered limit. */
async function signerWithPrice(anvil: Anvil, priceLine: string) {
  const home = await createTestHome();
  appendFileSync(
    join(home.home, 'config.toml'),
    `\n[networks.local-evm]\nfamily = "evm"\nrpc_url = "${anvil.url}"\nchain_id = ${anvil.chainId}\n\n[prices.fixed]\n${priceLine}\n`,
  );
  const signer = await startSigner(home, { WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100', WAIAAS_PRICES_MAX_AGE: '1h' });
  const created = await home.cli('wallet', 'create', '--chain', 'evm', '--network', 'local-evm', '--name', 'agent', '--json');
  await anvil.fund(getAddress(created.json<{ wallet: { address: string } }>().wallet.address), 10n * ETH);
  // Token-unit thresholds far above the amounts used, so the USD thresholds decide.
  const set = await home.cli(
    'policy', 'set', 'spending-limit', '--wallet', 'agent', '--instant-max', '5 ETH', '--notify-max', '5 ETH', '--delay-max', '5 ETH',
    '--usd-instant-max', '1.00', '--usd-notify-max', '10.00', '--usd-delay-max', '$100', '--delay', '1h',
  );
  expect(set.code, set.stdout + set.stderr).toBe(0);
  const token = (await home.cli('session', 'create', '--wallet', 'agent', '--json')).json<{ token: string }>().token;
  return { home, signer, agent: agentClient(home.socketPath, token) };
}

describe('USD thresholds through the daemon, on a real anvil chain', () => {
  let anvil: Anvil;
  const homes: { home: TestHome; signer: RunningSigner }[] = [];

  beforeAll(async () => {
    anvil = await startAnvil();
  }, 120_000);

  afterAll(async () => {
    for (const { home, signer } of homes) {
      await signer.stop();
      home.remove();
    }
    await anvil?.stop();
  });

  it('with a fixed ETH price in config.toml, the USD value decides the tier', async () => {
    const running = await signerWithPrice(anvil, '"evm:native" = { usd = "2000" }');
    homes.push(running);
    const { agent, home } = running;
    const cases: [bigint, string, string][] = [
      [ETH / 2500n, 'INSTANT', `400000000000000 ≤ instantMax 5000000000000000000 ${LABEL}`],
      [ETH / 250n, 'NOTIFY', `$8.00 at $2000 (config) ≤ usdNotifyMax 10.00 ${LABEL}`],
      [ETH / 25n, 'DELAY', `$80.00 at $2000 (config) ≤ usdDelayMax 100 ${LABEL}`],
      [ETH / 10n, 'DELAY', `$200.00 at $2000 (config) > usdDelayMax 100 ${LABEL}; APPROVAL downgraded to DELAY: no Owner is registered`],
    ];
    for (const [amount, tier, reason] of cases) {
      const sim = (await agent.call('POST', '/v1/transactions/simulate', { type: 'TRANSFER', to: RECIPIENT, amount: amount.toString() })).body;
      expect(sim).toMatchObject({ tier, policyReason: reason });
      const sent = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: amount.toString() });
      expect(sent).toMatchObject({ tier, policyReason: reason });
      if (tier === 'DELAY') await agent.call('POST', `/v1/transactions/${sent.id}/cancel`);
      else await agent.waitFor(sent.id, 'CONFIRMED');
    }
    const listed = await home.cli('policy', 'list', '--wallet', 'agent');
    expect(listed.stdout).toContain('in USD: INSTANT ≤ $1.00, NOTIFY ≤ $10.00, DELAY ≤ $100, above or no fresh price: APPROVAL');
  });

  it('with a stale price the same transfer fails closed: APPROVAL, downgraded to DELAY', async () => {
    const running = await signerWithPrice(anvil, '"evm:native" = { usd = "2000", at = "2020-01-01T00:00:00Z" }');
    homes.push(running);
    const sent = await running.agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: (ETH / 2500n).toString() });
    expect(sent).toMatchObject({
      tier: 'DELAY',
      status: 'QUEUED',
      policyReason: `no fresh USD price for native ${LABEL}; APPROVAL downgraded to DELAY: no Owner is registered`,
    });
  });
});
