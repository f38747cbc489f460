import { getAddress } from 'viem';
import { getBalance } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { admin } from '@waiaas/protocol';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import type { agentClient } from '../support/agent.js';
import { evmOwnerWallet, type OwnerWallet, solanaOwnerWallet } from '../support/owner-wallet.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000a5505');
const ETH = 10n ** 18n;
type Agent = ReturnType<typeof agentClient>;

/** A signer whose native spending limit sends anything above 1000 wei to the Owner. */
async function approvalSigner(env: NodeJS.ProcessEnv = {}) {
  const h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100', ...env });
  const agent = await h.newAgent('agent', { wei: 10n * ETH, sessionArgs: ['--max-total', '1000000'] });
  const set = await h.home.cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000', '--json');
  expect(set.code, set.stdout + set.stderr).toBe(0);
  const cli = async (...args: string[]) => {
    const r = await h.home.cli(...args, '--json');
    return { ...r, body: r.stdout ? r.json<Record<string, unknown>>() : {} };
  };
  const ok = async <T>(...args: string[]): Promise<T> => {
    const r = await cli(...args);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r.body as T;
  };
  const pending = async () => (await ok<{ approvals: admin.Approval[] }>('approval', 'list')).approvals;
  const approvalOf = async (transactionId: string) => {
    const found = (await pending()).find((a) => a.transactionId === transactionId);
    if (!found) throw new Error(`no pending approval for ${transactionId}`);
    return found;
  };
  /** What the session may still spend: an approval holds its amount, an answer or expiry settles it. */
  const remaining = async () =>
    BigInt(((await agent.call('GET', '/v1/wallet/budget')).body as { limits: { remaining: string }[] }).limits[0]?.remaining ?? '-1');
  /** The CLI's answer, refused or not: exit code and the error code it printed. */
  const answer = async (id: string, action: 'approve' | 'reject', signature: string) => {
    const r = await cli('approval', action, id, '--signature', signature);
    return { code: r.code, error: (r.body as { error?: { code: string } }).error?.code, body: r.body };
  };
  return { h, agent, cli, ok, pending, approvalOf, answer, remaining };
}

const sendLarge = async (agent: Agent, wei = 5000n) => agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: String(wei) });

describe('the APPROVAL workflow through the daemon, an EVM Owner signing EIP-712, on a real anvil chain', () => {
  let s: Awaited<ReturnType<typeof approvalSigner>>;
  let owner: OwnerWallet;
  const balance = () => getBalance(s.h.anvil.client, { address: RECIPIENT });

  beforeAll(async () => {
    s = await approvalSigner({ WAIAAS_OWNER_APPROVAL_SETTLE: '3s' });
    owner = evmOwnerWallet();
  }, 120_000);
  afterAll(() => s?.h.stop());

  it('with no Owner, APPROVAL is downgraded to DELAY on record', async () => {
    const tx = await sendLarge(s.agent);
    expect(tx.tier).toBe('DELAY');
    expect(tx.policyReason).toContain('APPROVAL downgraded to DELAY: no Owner is registered');
    await s.agent.call('POST', `/v1/transactions/${tx.id}/cancel`);
  }, 120_000);

  it('owner set puts the Owner in GRACE; then a large send waits AWAITING_APPROVAL, bound to its digest', async () => {
    const bad = await s.cli('owner', 'set', 'not-an-address');
    expect(bad.code).not.toBe(0);
    expect((bad.body as { error: { code: string } }).error.code).toBe('OWNER__INVALID_ADDRESS');

    const { owner: status } = await s.ok<{ owner: admin.OwnerStatus }>('owner', 'set', owner.address.toLowerCase());
    expect(status).toMatchObject({ state: 'GRACE', chain: 'evm', address: owner.address });

    const tx = await sendLarge(s.agent);
    expect(tx).toMatchObject({ status: 'AWAITING_APPROVAL', tier: 'APPROVAL' });
    const approval = await s.approvalOf(tx.id);
    expect(approval).toMatchObject({ status: 'PENDING', summary: `Send 0.000000000000005 ETH to ${RECIPIENT}`, recipient: RECIPIENT, network: 'local-evm' });
    expect(approval.cosign?.approve.format).toBe('eip712');
    expect(approval.cosign?.approve.fields).toMatchObject({ action: 'approve', digest: approval.contentDigest, amount: '0.000000000000005 ETH' });
    expect(approval.cosign?.approve.fields.nonce).not.toBe(approval.cosign?.reject.fields.nonce);
    expect(approval.cosign?.approve.fields.signer).toMatch(/^ed25519:[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    // No USD price is configured: the value is unknown, never guessed. The session budget counts the request.
    expect(approval.usdValue).toBeNull();
    expect(approval.sessionBudget).toMatchObject({ maxTotal: '1000000' });
    // The dry run the Owner sees arrives right after the request.
    let simulated = approval;
    for (let i = 0; i < 50 && simulated.simulation === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      simulated = await s.approvalOf(tx.id);
    }
    expect(simulated.simulation).toMatchObject({ ok: true, error: null });
    // Budget held while waiting: visible to the agent, nothing on chain.
    expect(await balance()).toBe(0n);
    await new Promise((r) => setTimeout(r, 500));
    expect((await s.agent.get(tx.id)).status).toBe('AWAITING_APPROVAL');
    await s.agent.call('POST', `/v1/transactions/${tx.id}/cancel`);
  }, 120_000);

  it("refuses a stranger's signature, a signature for another approval, and the reject message signed as approve", async () => {
    const [a, b] = [await sendLarge(s.agent), await sendLarge(s.agent)];
    const [approvalA, approvalB] = [await s.approvalOf(a.id), await s.approvalOf(b.id)];
    const cosignA = approvalA.cosign as NonNullable<admin.Approval['cosign']>;

    const stranger = evmOwnerWallet();
    expect(await s.answer(approvalA.id, 'approve', await stranger.sign(cosignA.approve))).toMatchObject({ error: 'COSIGN__INVALID_SIGNATURE' });
    expect(await s.answer(approvalB.id, 'approve', await owner.sign(cosignA.approve))).toMatchObject({ error: 'COSIGN__INVALID_SIGNATURE' });
    expect(await s.answer(approvalA.id, 'approve', await owner.sign(cosignA.reject))).toMatchObject({ error: 'COSIGN__INVALID_SIGNATURE' });
    expect(await s.answer(approvalA.id, 'approve', `0x${'ab'.repeat(65)}`)).toMatchObject({ error: 'COSIGN__INVALID_SIGNATURE' });
    expect((await s.agent.get(a.id)).status).toBe('AWAITING_APPROVAL');
    // Still GRACE: no valid signature has been seen.
    expect((await s.ok<{ owner: admin.OwnerStatus }>('owner', 'show')).owner.state).toBe('GRACE');

    const audit = await s.ok<{ entries: { action: string }[] }>('audit', 'list', '--action', 'approval.approve.refused');
    expect(audit.entries.length).toBeGreaterThanOrEqual(4);
    await s.agent.call('POST', `/v1/transactions/${a.id}/cancel`);
    await s.agent.call('POST', `/v1/transactions/${b.id}/cancel`);
  }, 120_000);

  it('an approval signed by the Owner lands the transaction once, locks the Owner, and cannot be replayed', async () => {
    const before = await balance();
    const tx = await sendLarge(s.agent);
    const approval = await s.approvalOf(tx.id);
    const signature = await owner.sign((approval.cosign as NonNullable<admin.Approval['cosign']>).approve);
    expect(await s.answer(approval.id, 'approve', signature)).toMatchObject({ code: 0, body: { status: 'APPROVED', transactionId: tx.id } });
    await s.agent.waitFor(tx.id, 'CONFIRMED');
    expect((await balance()) - before).toBe(5000n);

    expect(await s.answer(approval.id, 'approve', signature)).toMatchObject({ error: 'APPROVAL__ALREADY_DECIDED' });
    const { owner: status } = await s.ok<{ owner: admin.OwnerStatus }>('owner', 'show');
    expect(status.state).toBe('LOCKED');
    const replace = await s.cli('owner', 'set', evmOwnerWallet().address);
    expect((replace.body as { error: { code: string } }).error.code).toBe('OWNER__LOCKED');
    expect((await s.cli('owner', 'remove')).code).not.toBe(0);
  }, 120_000);

  it('a rejection releases the budget, and a late approval is refused', async () => {
    const before = await s.remaining();
    const tx = await sendLarge(s.agent);
    expect(await s.remaining()).toBe(before - 5000n);
    const approval = await s.approvalOf(tx.id);
    const cosign = approval.cosign as NonNullable<admin.Approval['cosign']>;
    expect(await s.answer(approval.id, 'reject', await owner.sign(cosign.reject))).toMatchObject({ code: 0, body: { status: 'REJECTED' } });
    expect((await s.agent.get(tx.id)).status).toBe('REJECTED');
    expect(await s.answer(approval.id, 'approve', await owner.sign(cosign.approve))).toMatchObject({ error: 'APPROVAL__ALREADY_DECIDED' });
    expect((await s.pending()).map((a) => a.id)).not.toContain(approval.id);
    expect(await s.remaining()).toBe(before);
  }, 120_000);

  it('a rejection right after an approval wins: the transaction is never signed', async () => {
    const before = await balance();
    const tx = await sendLarge(s.agent);
    const approval = await s.approvalOf(tx.id);
    const cosign = approval.cosign as NonNullable<admin.Approval['cosign']>;
    const [approveSig, rejectSig] = [await owner.sign(cosign.approve), await owner.sign(cosign.reject)];
    const [approved, rejected] = await Promise.all([s.answer(approval.id, 'approve', approveSig), s.answer(approval.id, 'reject', rejectSig)]);
    expect(rejected).toMatchObject({ code: 0, body: { status: 'REJECTED' } });
    // Whichever reached the signer first, the approval cannot undo the rejection.
    expect([0, 1]).toContain(approved.code);
    await new Promise((r) => setTimeout(r, 4000));
    const final = await s.agent.get(tx.id);
    expect(final).toMatchObject({ status: 'REJECTED', hash: null });
    expect(await balance()).toBe(before);
  }, 120_000);

  it('an agent that cancels its request closes the approval; an answer afterwards is refused', async () => {
    const tx = await sendLarge(s.agent);
    const approval = await s.approvalOf(tx.id);
    expect((await s.agent.call('POST', `/v1/transactions/${tx.id}/cancel`)).status).toBe(200);
    const cosign = approval.cosign as NonNullable<admin.Approval['cosign']>;
    expect(await s.answer(approval.id, 'approve', await owner.sign(cosign.approve))).toMatchObject({ error: 'APPROVAL__ALREADY_DECIDED' });
  });
});

describe('approval expiry and a Solana Owner signing text with Ed25519', () => {
  let s: Awaited<ReturnType<typeof approvalSigner>>;
  let owner: OwnerWallet;

  beforeAll(async () => {
    s = await approvalSigner({ WAIAAS_OWNER_APPROVAL_TIMEOUT: '20s', WAIAAS_OWNER_APPROVAL_SETTLE: '1s' });
    owner = solanaOwnerWallet();
    await s.ok('owner', 'set', owner.address);
  }, 120_000);
  afterAll(() => s?.h.stop());

  it('the Solana Owner approves with a signed text message; the transaction lands', async () => {
    const tx = await sendLarge(s.agent);
    const approval = await s.approvalOf(tx.id);
    const request = (approval.cosign as NonNullable<admin.Approval['cosign']>).approve;
    expect(request.format).toBe('solana-message');
    const text = await s.ok<{ message: string }>('approval', 'message', approval.id, 'approve');
    expect(text.message).toContain('WAIaaS Owner: APPROVE a transaction');
    expect(text.message).toContain(`Transaction digest: ${approval.contentDigest}`);
    expect(await s.answer(approval.id, 'approve', await owner.sign(request))).toMatchObject({ code: 0, body: { status: 'APPROVED' } });
    await s.agent.waitFor(tx.id, 'CONFIRMED');
  }, 120_000);

  it('an unanswered approval expires, releases its budget, and a late answer is refused', async () => {
    const before = await s.remaining();
    const tx = await sendLarge(s.agent);
    expect(await s.remaining()).toBe(before - 5000n);
    const approval = await s.approvalOf(tx.id);
    const request = (approval.cosign as NonNullable<admin.Approval['cosign']>).approve;
    const expired = await s.agent.waitFor(tx.id, 'EXPIRED', 40_000);
    expect(expired.error?.code).toBe('APPROVAL__EXPIRED');
    const late = await s.answer(approval.id, 'approve', await owner.sign(request));
    expect(late.error).toBe('APPROVAL__ALREADY_DECIDED');
    expect(await s.remaining()).toBe(before);
  }, 120_000);
});
