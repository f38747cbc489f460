import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { admin } from '@waiaas/protocol';
import type { agentClient } from '../support/agent.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { evmOwnerWallet } from '../support/owner-wallet.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000e0e0e');
/** Above every delayMax set here: the Owner decides. */
const LARGE = { type: 'TRANSFER', to: RECIPIENT, amount: '5000' };

describe('approval expiry per policy, through the daemon on a real anvil chain', () => {
  let h: EvmSigner;
  let agent: ReturnType<typeof agentClient>;
  const cli = async (...args: string[]) => {
    const r = await h.home.cli(...args, '--json');
    return { code: r.code, body: (r.stdout ? r.json<Record<string, unknown>>() : {}) as Record<string, unknown>, text: r.stdout + r.stderr };
  };
  const ok = async (...args: string[]) => {
    const r = await cli(...args);
    expect(r.code, r.text).toBe(0);
    return r.body;
  };
  const limit = (scope: string[], ...extra: string[]) =>
    ok('policy', 'set', 'spending-limit', ...scope, '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000', ...extra);
  /** How long the approval of a transaction stays open, in ms, as `waiaas approval list` shows it. */
  const openFor = async (transactionId: string) => {
    const { approvals } = (await ok('approval', 'list')) as { approvals: admin.Approval[] };
    const approval = approvals.find((a) => a.transactionId === transactionId);
    if (!approval) throw new Error(`no pending approval for ${transactionId}`);
    return Date.parse(approval.expiresAt) - Date.parse(approval.createdAt);
  };

  beforeAll(async () => {
    // The configured default stays at its 1h: every shorter expiry below comes from a rule.
    h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    agent = await h.newAgent('agent');
    await ok('owner', 'set', evmOwnerWallet().address);
  }, 120_000);
  afterAll(() => h?.stop());

  it('refuses an --approval-timeout that is not a duration or is outside 1 minute to 7 days', async () => {
    const bad = await cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--instant-max', '1', '--notify-max', '1', '--delay-max', '1', '--approval-timeout', 'soon');
    expect(bad.code).not.toBe(0);
    expect((bad.body.error as { code: string }).code).toBe('CLI__USAGE');
    for (const out of ['30s', '8d']) {
      const refused = await cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--instant-max', '1', '--notify-max', '1', '--delay-max', '1', '--approval-timeout', out);
      expect(refused.code).not.toBe(0);
      expect((refused.body.error as { code: string }).code).toBe('REQUEST__VALIDATION_FAILED');
    }
  });

  it('an approval opened under rules with expiries lasts the shortest, shown in policy list, and expires then', async () => {
    await limit([], '--approval-timeout', '10m');
    await limit(['--wallet', 'agent'], '--approval-timeout', '1m');
    const listed = await h.home.cli('policy', 'list', '--wallet', 'agent');
    expect(listed.stdout).toContain('above: APPROVAL (expires after 1m)');
    expect(listed.stdout).toContain('above: APPROVAL (expires after 10m)');

    const sentAt = Date.now();
    const short = await agent.send(LARGE);
    expect(short).toMatchObject({ tier: 'APPROVAL', status: 'AWAITING_APPROVAL' });
    expect(await openFor(short.id)).toBe(60_000);

    // The wallet rule without an expiry: the global rule's 10 minutes; without either, the config's hour.
    await limit(['--wallet', 'agent']);
    const global = await agent.send(LARGE);
    expect(await openFor(global.id)).toBe(600_000);
    const { policies } = (await ok('policy', 'list')) as { policies: { id: string; scope: string }[] };
    await ok('policy', 'remove', policies.find((p) => p.scope === 'global')?.id ?? '');
    const fallback = await agent.send(LARGE);
    expect(await openFor(fallback.id)).toBe(3_600_000);

    const expired = await agent.waitFor(short.id, 'EXPIRED', 90_000);
    expect(expired.error?.code).toBe('APPROVAL__EXPIRED');
    // Not before its minute was up (it was accepted after sentAt), and the others still wait.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(60_000);
    expect((await agent.get(global.id)).status).toBe('AWAITING_APPROVAL');
    expect((await agent.get(fallback.id)).status).toBe('AWAITING_APPROVAL');
  }, 150_000);
});
