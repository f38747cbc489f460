import { createHmac } from 'node:crypto';
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type admin, owner } from '@waiaas/protocol';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { OwnerDevice } from '../support/owner-device.js';
import { evmOwnerWallet } from '../support/owner-wallet.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';
import { NotifyReceiver, type ReceivedRequest } from './notify-receiver.js';

const NTFY = '/waiaas-topic';
const HOOK = '/hooks/waiaas';
const SECRET = 'fallback-webhook-secret-0123456789';
const TOKEN = 'tk_fallback_ntfy_token';
const WebhookPayload = owner.OwnerEventFrame.omit({ type: true });

/** The [notify] section through WAIAAS_NOTIFY_* variables, pointing at the local receiver. */
const notifyEnv = (receiver: NotifyReceiver): NodeJS.ProcessEnv => ({
  WAIAAS_NOTIFY_NTFY_URL: receiver.url(NTFY),
  WAIAAS_NOTIFY_NTFY_TOKEN: TOKEN,
  WAIAAS_NOTIFY_WEBHOOK_URL: receiver.url(HOOK),
  WAIAAS_NOTIFY_WEBHOOK_SECRET: SECRET,
  WAIAAS_NOTIFY_RETRY_BASE: '1s',
  WAIAAS_NOTIFY_MAX_ATTEMPTS: '5',
});

/** What a receiver does with the secret: recompute the HMAC over "<timestamp>.<exact body>". */
function signatureVerifies(request: ReceivedRequest, secret: string): boolean {
  const timestamp = String(request.headers['x-waiaas-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
  return request.headers['x-waiaas-signature'] === expected;
}
const payload = (request: ReceivedRequest) => WebhookPayload.parse(JSON.parse(request.body));
const isKind = (kind: string) => (request: ReceivedRequest) => payload(request).event.kind === kind;
const hasSeq = (seq: number) => (request: ReceivedRequest) => payload(request).seq === seq;

describe('fallback notifications through a real daemon (a local receiver stands in for ntfy / a webhook receiver)', { timeout: 120_000 }, () => {
  let receiver: NotifyReceiver;
  let home: TestHome;
  let signer: RunningSigner;
  const cli = async <T = Record<string, unknown>>(...args: string[]): Promise<T> => {
    const r = await home.cli(...args, '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r.json<T>();
  };
  const audit = async (action: string) => (await cli<{ entries: admin.AuditEntry[] }>('audit', 'list', '--action', action)).entries;
  const activate = (reason: string) => cli('kill-switch', 'activate', '--reason', reason);
  /** Recovers, and waits until both channels have that news, so it cannot mix into the next test. */
  const recover = async () => {
    const released = (r: ReceivedRequest) => r.status === 200 && (r.body.includes('"state":"ACTIVE"') || r.body.startsWith('State: ACTIVE'));
    const seen = (path: string) => receiver.requests.filter((r) => r.path === path && released(r)).length;
    const [hooks, ntfys] = [seen(HOOK), seen(NTFY)];
    await cli('kill-switch', 'recover');
    await receiver.waitFor(HOOK, released, { count: hooks + 1 });
    await receiver.waitFor(NTFY, released, { count: ntfys + 1 });
  };

  beforeAll(async () => {
    receiver = await NotifyReceiver.start();
    home = await createTestHome();
    signer = await startSigner(home, notifyEnv(receiver));
  }, 90_000);

  afterAll(async () => {
    await signer?.stop();
    home?.remove();
    await receiver?.stop();
  });

  it('sends a kill switch activated from the CLI with no device connected to both (stands in for ntfy / a webhook receiver)', async () => {
    await activate('agent misbehaving');
    const hook = await receiver.first(HOOK, isKind('kill_switch.changed'));
    const ntfy = await receiver.first(NTFY, (r) => r.body.includes('agent misbehaving'));

    expect(signatureVerifies(hook, SECRET)).toBe(true);
    expect(signatureVerifies(hook, 'some-other-secret-0123456789')).toBe(false);
    expect(Math.abs(Number(hook.headers['x-waiaas-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(Object.keys(JSON.parse(hook.body)).sort()).toEqual(['at', 'event', 'seq']);
    expect(payload(hook).event).toEqual({ kind: 'kill_switch.changed', state: 'SUSPENDED', actor: 'master', reason: 'agent misbehaving' });

    expect(ntfy.headers).toMatchObject({ title: 'WAIaaS: kill switch engaged', priority: 'high', authorization: `Bearer ${TOKEN}` });
    expect(ntfy.body).toBe('State: SUSPENDED (by master)\nReason: agent misbehaving\nAgents are refused until the kill switch is recovered.');

    const delivered = await audit('notify.delivered');
    expect(delivered.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        { channel: 'ntfy', seq: payload(hook).seq, kind: 'kill_switch.changed', attempts: 1 },
        { channel: 'webhook', seq: payload(hook).seq, kind: 'kill_switch.changed', attempts: 1 },
      ]),
    );
    expect(JSON.stringify(delivered)).not.toContain(SECRET);
    expect(JSON.stringify(delivered)).not.toContain(TOKEN);
    expect(signer.output()).not.toContain(SECRET);
    await recover();
  });

  it('retries a receiver that answers 500 twice, delivers on the third attempt, and audits it', async () => {
    receiver.answer(HOOK, (body) => body.includes('retry me'), [500, 500]);
    await activate('retry me');
    const attempts = await receiver.waitFor(HOOK, (r) => payload(r).event.kind === 'kill_switch.changed' && r.body.includes('retry me'), { count: 3 });
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    // Each attempt is signed afresh, and each signature verifies.
    expect(attempts.every((r) => signatureVerifies(r, SECRET))).toBe(true);
    const seq = payload(await receiver.first(HOOK, (r) => r.body.includes('retry me'))).seq;
    const audited = async () => (await audit('notify.delivered')).find((e) => (e.details as { channel: string; seq: number }).channel === 'webhook' && (e.details as { seq: number }).seq === seq);
    expect(await audited()).toMatchObject({ actor: 'system', details: { channel: 'webhook', seq, attempts: 3 } });
    expect(signer.output()).toContain('notification not delivered; will retry');
    expect(signer.output()).not.toContain(SECRET);
    await recover();
  });

  it('sends nothing to the fallback channels while a paired device is connected', async () => {
    const { code } = owner.CreatePairingCodeResponse.parse(await cli('pair'));
    const device = await OwnerDevice.create(home.port);
    expect((await device.pair(code)).status).toBe(200);
    const socket = await device.connect();
    socket.send({ type: 'resume', lastSeq: null });
    const { seq: before } = await socket.next('synced');

    await activate('while connected');
    const seen = await socket.next('event');
    expect(seen.event).toMatchObject({ kind: 'kill_switch.changed', reason: 'while connected' });
    await cli('kill-switch', 'recover');
    expect((await socket.next('event')).event).toMatchObject({ kind: 'kill_switch.changed', state: 'ACTIVE' });
    socket.close();
    await socket.closedWith();

    // The next event, with the device gone, is sent: so anything owed for the earlier ones would have gone first.
    await activate('after disconnect');
    const after = await receiver.first(HOOK, (r) => r.body.includes('after disconnect'));
    await receiver.waitFor(NTFY, (r) => r.body.includes('after disconnect'));
    expect(payload(after).seq).toBeGreaterThan(seen.seq);
    const sentSince = receiver.requests.filter((r) => r.path === HOOK && payload(r).seq > before);
    expect(sentSince.map((r) => payload(r).seq)).toEqual([payload(after).seq]);
    expect(receiver.requests.some((r) => r.body.includes('while connected'))).toBe(false);
    await recover();
  });

  it('keeps a delivery owed across a restart and sends it once the daemon is back', async () => {
    const down = receiver.answer(HOOK, (body) => body.includes('across a restart'), [503, 503, 503, 503]);
    await activate('across a restart');
    await receiver.waitFor(HOOK, (r) => r.body.includes('across a restart') && r.status === 503);
    await signer.stop();
    down.cancel();
    signer = await startSigner(home, notifyEnv(receiver));
    const delivered = await receiver.first(HOOK, (r) => r.body.includes('across a restart') && r.status === 200);
    expect(signatureVerifies(delivered, SECRET)).toBe(true);
    const seq = payload(delivered).seq;
    const entry = (await audit('notify.delivered')).find((e) => (e.details as { seq: number; channel: string }).seq === seq && (e.details as { channel: string }).channel === 'webhook');
    expect((entry?.details as { attempts: number }).attempts).toBeGreaterThanOrEqual(2);
  });
});

const RECIPIENT = getAddress('0x00000000000000000000000000000000000a5505');

describe('an APPROVAL-tier send with the extension closed (a local receiver stands in for ntfy / a webhook receiver)', { timeout: 180_000 }, () => {
  let receiver: NotifyReceiver;
  let h: EvmSigner;

  beforeAll(async () => {
    receiver = await NotifyReceiver.start();
    h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100', ...notifyEnv(receiver) });
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
    await receiver?.stop();
  });

  it('tells ntfy what waits and why, with nothing to sign, and the webhook the approval and then its outcome', async () => {
    const agent = await h.newAgent('agent', { wei: 10n ** 19n });
    const cli = async (...args: string[]) => {
      const r = await h.home.cli(...args, '--json');
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return r.json<Record<string, unknown>>();
    };
    await cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000');
    await cli('owner', 'set', evmOwnerWallet().address);

    const tx = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '5000', justification: 'paying the invoice' });
    expect(tx).toMatchObject({ status: 'AWAITING_APPROVAL', tier: 'APPROVAL' });
    const { approvals } = (await cli('approval', 'list')) as { approvals: admin.Approval[] };
    const approval = approvals.find((a) => a.transactionId === tx.id);
    if (!approval?.cosign) throw new Error('no pending approval with co-sign messages');

    const hook = await receiver.first(HOOK, isKind('approval.requested'));
    const ntfy = await receiver.first(NTFY, (r) => r.headers.title === 'WAIaaS: approval needed');
    expect(signatureVerifies(hook, SECRET)).toBe(true);
    const sent = payload(hook).event;
    expect(sent).toEqual({ kind: 'approval.requested', approval: { ...approval, cosign: null } });

    expect(ntfy.headers.priority).toBe('high');
    expect(ntfy.body).toBe(
      [
        `Send 0.000000000000005 ETH to ${RECIPIENT}`,
        `Wallet: agent on local-evm`,
        `Why: ${approval.policyReason}`,
        `Expires: ${approval.expiresAt}`,
        'Open the WAIaaS extension to approve or reject.',
      ].join('\n'),
    );
    for (const request of [hook, ntfy]) {
      expect(request.body).not.toContain(approval.cosign.approve.fields.nonce);
      expect(request.body).not.toContain(approval.cosign.reject.fields.nonce);
    }

    await agent.call('POST', `/v1/transactions/${tx.id}/cancel`);
    const resolved = await receiver.first(HOOK, isKind('approval.resolved'));
    expect(payload(resolved).event).toEqual({ kind: 'approval.resolved', approvalId: approval.id, transactionId: tx.id, status: 'CANCELLED' });
    await receiver.waitFor(NTFY, (r) => r.headers.title === 'WAIaaS: approval cancelled');
  });
});
