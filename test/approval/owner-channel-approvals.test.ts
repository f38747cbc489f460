import { type admin, owner } from '@waiaas/protocol';
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { agentClient } from '../support/agent.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { OwnerDevice, type OwnerSocket } from '../support/owner-device.js';
import { evmOwnerWallet, type OwnerWallet } from '../support/owner-wallet.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000b0b0b');
const ETH = 10n ** 18n;

/** The next event of one kind, skipping the others (status changes, sessions) on the way. */
async function nextEvent<K extends owner.OwnerEventBody['kind']>(socket: OwnerSocket, kind: K, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = await socket.next('event', Math.max(1, deadline - Date.now()));
    if (frame.event.kind === kind) return { seq: frame.seq, event: frame.event as Extract<owner.OwnerEventBody, { kind: K }> };
  }
}

describe('approvals over the paired Owner channel, an EVM Owner signing EIP-712, on a real anvil chain', { timeout: 120_000 }, () => {
  let h: EvmSigner;
  let agent: ReturnType<typeof agentClient>;
  let device: OwnerDevice;
  let wallet: OwnerWallet;
  let agentSessionId: string;
  const sendLarge = () => agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '7000' });

  beforeAll(async () => {
    h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100', WAIAAS_OWNER_APPROVAL_SETTLE: '1s' });
    agent = await h.newAgent('agent', { wei: 10n * ETH });
    agentSessionId = (await h.home.cli('session', 'list', '--wallet', 'agent', '--json')).json<{ sessions: admin.Session[] }>().sessions[0]?.id ?? '';
    const limit = await h.home.cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000', '--json');
    expect(limit.code, limit.stdout).toBe(0);
    wallet = evmOwnerWallet();
    expect((await h.home.cli('owner', 'set', wallet.address, '--json')).code).toBe(0);
    const { code } = owner.CreatePairingCodeResponse.parse((await h.home.cli('pair', '--json')).json());
    device = await OwnerDevice.create(h.home.port);
    expect((await device.pair(code)).status).toBe(200);
  }, 120_000);
  afterAll(() => h?.stop());

  it('pushes the request with its messages; the Owner approves from the device; the outcome is pushed and the transaction lands', async () => {
    const socket = await device.connect();
    socket.send({ type: 'resume', lastSeq: null });
    await socket.next('synced');

    const tx = await sendLarge();
    const { event } = await nextEvent(socket, 'approval.requested');
    const approval = event.approval;
    expect(approval).toMatchObject({ transactionId: tx.id, sessionId: agentSessionId, status: 'PENDING', recipient: RECIPIENT, walletName: 'agent', chain: 'evm', network: 'local-evm' });
    // No rule of this wallet lists or names the recipient: the Owner is warned it is new.
    expect(approval).toMatchObject({ recipientLabel: null, recipientKnown: false });
    // Pushed after the dry run: the Owner sees the wallet lose exactly the amount plus the fee.
    expect(approval.simulation?.ok).toBe(true);
    const fee = BigInt(approval.simulation?.fee ?? '0');
    expect(approval.simulation?.balanceChanges).toEqual([{ asset: 'native', delta: String(-(7000n + fee)) }]);
    const cosign = approval.cosign as NonNullable<admin.Approval['cosign']>;

    // The device alone cannot approve: a signature from anyone but the Owner's wallet is refused.
    const forged = await socket.command({ type: 'approval.approve', id: 'c1', approvalId: approval.id, signature: await evmOwnerWallet().sign(cosign.approve) });
    expect(forged).toMatchObject({ type: 'error', error: { code: 'COSIGN__INVALID_SIGNATURE' } });

    const result = await socket.command({ type: 'approval.approve', id: 'c2', approvalId: approval.id, signature: await wallet.sign(cosign.approve) });
    expect(result).toMatchObject({ type: 'result', result: { status: 'APPROVED', transactionId: tx.id } });
    expect((await nextEvent(socket, 'approval.resolved')).event).toEqual({ kind: 'approval.resolved', approvalId: approval.id, transactionId: tx.id, status: 'APPROVED' });
    await agent.waitFor(tx.id, 'CONFIRMED');

    const replay = await socket.command({ type: 'approval.approve', id: 'c3', approvalId: approval.id, signature: await wallet.sign(cosign.approve) });
    expect(replay).toMatchObject({ type: 'error', error: { code: 'APPROVAL__ALREADY_DECIDED' } });
    socket.close();
    await socket.closedWith();
  });

  it('a request made while no device is connected is replayed on reconnect, and is in a fresh snapshot', async () => {
    const first = await device.connect();
    first.send({ type: 'resume', lastSeq: null });
    const { seq } = await first.next('synced');
    first.close();
    await first.closedWith();

    const tx = await sendLarge();
    const again = await device.connect();
    again.send({ type: 'resume', lastSeq: seq });
    const { event } = await nextEvent(again, 'approval.requested');
    expect(event.approval.transactionId).toBe(tx.id);

    const fresh = await device.connect();
    fresh.send({ type: 'resume', lastSeq: null });
    const { snapshot } = await fresh.next('snapshot');
    expect(snapshot.approvals.map((a) => a.transactionId)).toContain(tx.id);

    const listed = await fresh.command({ type: 'approval.list', id: 'l1' });
    expect(listed.type).toBe('result');
    const cosign = event.approval.cosign as NonNullable<admin.Approval['cosign']>;
    const rejected = await fresh.command({ type: 'approval.reject', id: 'r1', approvalId: event.approval.id, signature: await wallet.sign(cosign.reject) });
    expect(rejected).toMatchObject({ type: 'result', result: { status: 'REJECTED' } });
    // The rejection released the reserved amount: the device is told the budget moved, then the outcome.
    expect((await nextEvent(again, 'budget.changed')).event).toMatchObject({ transactionId: tx.id, change: 'released' });
    expect((await nextEvent(again, 'approval.resolved')).event.status).toBe('REJECTED');
    expect((await agent.get(tx.id)).status).toBe('REJECTED');
    for (const s of [again, fresh]) s.close();
  });

  it('names an allowlisted recipient by its label, shows what the session spent, and tells the agent why the Owner rejected', async () => {
    const payroll = await h.newAgent('payroll', { wei: 10n * ETH });
    for (const rule of [
      ['spending-limit', '--wallet', 'payroll', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000'],
      ['recipient-allowlist', '--wallet', 'payroll', '--address', `${RECIPIENT}=Treasury`],
    ]) {
      const set = await h.home.cli('policy', 'set', ...rule, '--json');
      expect(set.code, set.stdout).toBe(0);
    }
    const socket = await device.connect();
    socket.send({ type: 'resume', lastSeq: null });
    await socket.next('synced');
    const payrollSession = async (id: string) => {
      const listed = await socket.command({ type: 'session.list', id });
      const sessions = listed.type === 'result' ? owner.ownerCommands['session.list'].result.parse(listed.result).sessions : [];
      const session = sessions.find((s) => s.walletName === 'payroll');
      if (!session) throw new Error(`no payroll session in ${JSON.stringify(listed)}`);
      return session;
    };

    const before = await payrollSession('l1');
    expect(before.spent).toBe('0');
    await payroll.send({ type: 'TRANSFER', to: RECIPIENT, amount: '400' });
    expect((await payrollSession('l2')).spent).toBe('400');

    const tx = await payroll.send({ type: 'TRANSFER', to: RECIPIENT, amount: '7000' });
    const { event } = await nextEvent(socket, 'approval.requested');
    expect(event.approval).toMatchObject({ transactionId: tx.id, sessionId: before.id, recipient: RECIPIENT, recipientLabel: 'Treasury', recipientKnown: true });

    // The reason is relayed as typed, minus the control characters; the signature covers the rejection only.
    const cosign = event.approval.cosign as NonNullable<admin.Approval['cosign']>;
    const reason = '  wrong invoice,\n\u0007 ask me again next week ';
    const rejected = await socket.command({ type: 'approval.reject', id: 'r1', approvalId: event.approval.id, signature: await wallet.sign(cosign.reject), reason });
    expect(rejected).toMatchObject({ type: 'result', result: { status: 'REJECTED' } });
    expect(await payroll.get(tx.id)).toMatchObject({
      status: 'REJECTED',
      error: { code: 'APPROVAL__REJECTED', message: 'Rejected by the Owner: wrong invoice, ask me again next week' },
    });
    const audit = (await h.home.cli('audit', 'list', '--action', 'approval.rejected', '--json')).json<{ entries: admin.AuditEntry[] }>().entries;
    expect(audit[0]?.details).toMatchObject({ transactionId: tx.id, reason: 'wrong invoice, ask me again next week' });
    // The rejection released its reservation: only the transfer that went through still counts.
    expect((await payrollSession('l3')).spent).toBe('400');

    // The Owner signed answers before, which locked them in: the device reads it without a signature.
    const status = await socket.command({ type: 'owner.status', id: 'o1' });
    const current = status.type === 'result' ? owner.ownerCommands['owner.status'].result.parse(status.result).owner : undefined;
    expect(current).toMatchObject({ state: 'LOCKED', chain: 'evm' });
    expect(current?.address?.toLowerCase()).toBe(wallet.address.toLowerCase());
    socket.close();
  });

  it('the Owner cancels a DELAY transaction in its cooldown from the device; its budget is released', async () => {
    const slow = await h.newAgent('slow', { wei: 10n * ETH });
    const limit = await h.home.cli('policy', 'set', 'spending-limit', '--wallet', 'slow', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', String(ETH), '--delay', '1h', '--json');
    expect(limit.code, limit.stdout).toBe(0);
    const socket = await device.connect();
    socket.send({ type: 'resume', lastSeq: null });
    await socket.next('synced');
    const tx = await slow.send({ type: 'TRANSFER', to: RECIPIENT, amount: '7000' });
    expect(tx).toMatchObject({ status: 'QUEUED', tier: 'DELAY' });
    const cancelled = await socket.command({ type: 'transaction.cancel', id: 'x1', transactionId: tx.id });
    expect(cancelled).toMatchObject({ type: 'result', result: { transaction: { id: tx.id, status: 'CANCELLED' } } });
    expect((await nextEvent(socket, 'budget.changed')).event).toMatchObject({ transactionId: tx.id, change: 'reserved' });
    expect((await nextEvent(socket, 'budget.changed')).event).toMatchObject({ transactionId: tx.id, change: 'released' });
    expect((await slow.get(tx.id)).status).toBe('CANCELLED');
    // Only a DELAY still waiting can be cancelled from the device.
    const again = await socket.command({ type: 'transaction.cancel', id: 'x2', transactionId: tx.id });
    expect(again).toMatchObject({ type: 'error', error: { code: 'TRANSACTION__NOT_CANCELLABLE' } });
    socket.close();
  });

  it('approval commands are not reachable from the agent socket, with or without a session token', async () => {
    const res = await agent.call('POST', `/v1/admin/approvals/00000000-0000-7000-8000-000000000000/approve`, { signature: `0x${'00'.repeat(65)}` });
    expect(res.status).toBe(401);
    const owner = await agent.call('POST', '/v1/owner/ws', {});
    expect([401, 404]).toContain(owner.status);
  });
});
