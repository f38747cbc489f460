import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandInPriceApi, startStandInPriceApi } from '../../signer/src/price/stand-in-price-api.js';
import { agentClient } from '../support/agent.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000c0ffe');
const ETH = 10n ** 18n;
const LABEL = '(wallet SPENDING_LIMIT for native)';
const API_KEY = 'CG-e2e-secret-7d1c';
const FAIL_CLOSED = `no fresh USD price for native ${LABEL}; APPROVAL downgraded to DELAY: no Owner is registered`;
/** Just past `cache_ttl = "1s"`, so the next request asks the price API again. */
const pastCacheTtl = () => new Promise((resolve) => setTimeout(resolve, 1100));
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('USD thresholds priced by the network provider through the daemon (stands in for the public price API)', () => {
  let api: StandInPriceApi;
  let h: EvmSigner;
  let agent: ReturnType<typeof agentClient>;
  const transfer = (amount: bigint) => agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: amount.toString() });

  beforeAll(async () => {
    api = await startStandInPriceApi();
    api.quotes.set('ethereum', { usd: '2000.00', lastUpdatedAt: nowSeconds() });
    h = await startEvmSigner({
      WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100',
      WAIAAS_PRICES_PROVIDER: 'coingecko',
      WAIAAS_PRICES_URL: api.url,
      WAIAAS_PRICES_API_KEY: API_KEY,
      WAIAAS_PRICES_TIMEOUT: '2s',
      WAIAAS_PRICES_CACHE_TTL: '1s',
    });
    agent = await h.newAgent('agent', { wei: 10n * ETH });
    // Token-unit thresholds far above the amounts used, so the USD thresholds decide.
    const set = await h.home.cli(
      'policy', 'set', 'spending-limit', '--wallet', 'agent', '--instant-max', '5 ETH', '--notify-max', '5 ETH', '--delay-max', '5 ETH',
      '--usd-instant-max', '1.00', '--usd-notify-max', '10.00', '--usd-delay-max', '$100', '--delay', '1h',
    );
    expect(set.code, set.stdout + set.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
    await api?.stop();
  });

  it('a fresh price from the provider decides the tier: under the USD thresholds is INSTANT', async () => {
    const instant = await transfer(ETH / 2500n);
    expect(instant).toMatchObject({ tier: 'INSTANT', policyReason: `400000000000000 ≤ instantMax 5000000000000000000 ${LABEL}` });
    await agent.waitFor(instant.id, 'CONFIRMED');
    const notify = await transfer(ETH / 250n);
    expect(notify).toMatchObject({ tier: 'NOTIFY', policyReason: `$8.00 at $2000 (coingecko) ≤ usdNotifyMax 10.00 ${LABEL}` });
    await agent.waitFor(notify.id, 'CONFIRMED');
    expect(api.requests.length).toBeGreaterThan(0);
    for (const request of api.requests) {
      expect(request).toEqual({ path: '/api/v3/simple/price?ids=ethereum&vs_currencies=usd&include_last_updated_at=true', apiKey: API_KEY });
    }
  });

  it('the same transfer fails closed when the provider says its price was last updated an hour ago', async () => {
    api.quotes.set('ethereum', { usd: '2000.00', lastUpdatedAt: nowSeconds() - 3600 });
    await pastCacheTtl();
    const sent = await transfer(ETH / 2500n);
    expect(sent).toMatchObject({ tier: 'DELAY', status: 'QUEUED', policyReason: FAIL_CLOSED });
    await agent.call('POST', `/v1/transactions/${sent.id}/cancel`);
  });

  it('and when the provider is down, after a fresh price had been used; the warning holds no key', async () => {
    api.quotes.set('ethereum', { usd: '2000.00', lastUpdatedAt: nowSeconds() });
    await pastCacheTtl();
    const recovered = await transfer(ETH / 2500n);
    expect(recovered).toMatchObject({ tier: 'INSTANT' });
    await agent.waitFor(recovered.id, 'CONFIRMED');

    await api.stop();
    await pastCacheTtl();
    const sent = await transfer(ETH / 2500n);
    expect(sent).toMatchObject({ tier: 'DELAY', status: 'QUEUED', policyReason: FAIL_CLOSED });
    await agent.call('POST', `/v1/transactions/${sent.id}/cancel`);
    const output = h.signer.output();
    expect(output).toContain('"message":"USD price lookup failed; the price is unknown","provider":"coingecko","chain":"evm","asset":"native","problem":"unreachable (ECONNREFUSED)"');
    expect(output).not.toContain(API_KEY);
  });
});
