import { createHash } from 'node:crypto';
import { type admin, type CosignRequest, type Policy } from '@waiaas/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnerSocket, pairAndConnect } from '../support/owner-device.js';
import { evmOwnerWallet, solanaOwnerWallet } from '../support/owner-wallet.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

type Answer = Awaited<ReturnType<OwnerSocket['command']>>;
const resultOf = <T>(answer: Answer): T => {
  if (answer.type !== 'result') throw new Error(`refused: ${JSON.stringify(answer)}`);
  return answer.result as T;
};
const codeOf = (answer: Answer) => (answer.type === 'error' ? answer.error.code : 'accepted');

/** 0.1 / 0.2 / 0.5 SOL, in lamports. */
const limit = (instantMax: string) => ({
  set: { wallet: 'bot', rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax, notifyMax: '200000000', delayMax: '500000000', delaySeconds: 600 } },
});

describe("policy changes from the Owner's paired device, only with the Owner's signature", { timeout: 120_000 }, () => {
  let home: TestHome;
  let signer: RunningSigner;
  let socket: OwnerSocket;
  let n = 0;
  const command = (type: string, body: Record<string, unknown> = {}) => socket.command({ type, id: `c${++n}`, ...body });
  const cliJson = async <T>(...args: string[]) => (await home.cli(...args, '--json')).json<T>();
  const listed = async () => (await cliJson<{ policies: Policy[] }>('policy', 'list', '--wallet', 'bot')).policies;
  const the = solanaOwnerWallet();
  /** The rules as last seen: a refused change must leave them exactly so. */
  let current: Policy[] = [];

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
    expect((await home.cli('wallet', 'create', '--chain', 'solana', '--name', 'bot', '--json')).code).toBe(0);
    ({ socket } = await pairAndConnect(home));
  }, 120_000);
  afterAll(async () => {
    socket?.close();
    await signer?.stop();
    home?.remove();
  });

  it('with no Owner registered the device cannot change policies (the master uses the CLI)', async () => {
    // A new wallet starts with the default spending limit.
    current = await listed();
    expect(current.map((p) => p.rule.type)).toEqual(['SPENDING_LIMIT']);
    expect(codeOf(await command('policy.change_message', { change: limit('100000000') }))).toBe('OWNER__NOT_REGISTERED');
    const signature = await the.sign({ format: 'solana-message', fields: { action: 'policy-change', summary: 'x', amount: '—', recipient: '—', network: '—', wallet: '—', digest: '—', signer: '—', nonce: '0'.repeat(32), issuedAt: new Date().toISOString(), expiresAt: new Date().toISOString() } });
    expect(codeOf(await command('policy.change', { change: limit('100000000'), nonce: '0'.repeat(32), signature }))).toBe('OWNER__NOT_REGISTERED');
    expect(await listed()).toEqual(current);
    expect((await home.cli('owner', 'set', the.address, '--json')).code).toBe(0);
  });

  it('a signed change applies, shows in policy list, and the Owner who signed it is LOCKED', async () => {
    const message = resultOf<CosignRequest>(await command('policy.change_message', { change: limit('100000000') }));
    expect(message.format).toBe('solana-message');
    expect(message.fields).toMatchObject({ action: 'policy-change', wallet: expect.stringMatching(/^bot \(/) });
    expect(message.fields.summary).toBe(
      'Set for wallet bot: SPENDING_LIMIT native: INSTANT ≤ 0.1 SOL, NOTIFY ≤ 0.2 SOL, DELAY (10m) ≤ 0.5 SOL, above: APPROVAL',
    );
    // The digest is SHA-256 of the change with its keys sorted, computed here by hand.
    const canonical = '{"set":{"rule":{"asset":"native","delayMax":"500000000","delaySeconds":600,"instantMax":"100000000","notifyMax":"200000000","type":"SPENDING_LIMIT"},"wallet":"bot"}}';
    expect(message.fields.digest).toBe(createHash('sha256').update(canonical).digest('hex'));

    const signature = await the.sign(message);
    const { policy } = resultOf<{ policy: Policy }>(await command('policy.change', { change: limit('100000000'), nonce: message.fields.nonce, signature }));
    expect(policy).toMatchObject({ scope: 'wallet', rule: { type: 'SPENDING_LIMIT', instantMax: '100000000', notifyMax: '200000000', delaySeconds: 600 } });
    // One spending limit per asset: it replaced the default one.
    current = await listed();
    expect(current).toEqual([policy]);
    expect(resultOf<{ policies: Policy[] }>(await command('policy.list', { wallet: 'bot' })).policies.map((p) => p.id)).toEqual([policy.id]);
    expect((await cliJson<{ owner: admin.OwnerStatus }>('owner', 'show')).owner.state).toBe('LOCKED');

    // Newest first.
    const entries = (await cliJson<{ entries: admin.AuditEntry[] }>('audit', 'list', '--action', 'policy.set')).entries;
    expect(entries[0]).toMatchObject({ actor: `owner:${the.address}`, details: { policyId: policy.id, via: expect.stringMatching(/^owner:/) } });

    // The same signature again: the nonce counts once.
    expect(codeOf(await command('policy.change', { change: limit('100000000'), nonce: message.fields.nonce, signature }))).toBe('COSIGN__NONCE_USED');
  });

  it('a signature over change A does not make change B, and nothing changes', async () => {
    const a = resultOf<CosignRequest>(await command('policy.change_message', { change: limit('150000000') }));
    const b = resultOf<CosignRequest>(await command('policy.change_message', { change: limit('200000000') }));
    const signatureA = await the.sign(a);
    // A's nonce was issued for A's digest: with change B it names nothing.
    expect(codeOf(await command('policy.change', { change: limit('200000000'), nonce: a.fields.nonce, signature: signatureA }))).toBe('COSIGN__NONCE_UNKNOWN');
    // B's own nonce with A's signature: the message rebuilt for B is not what was signed.
    expect(codeOf(await command('policy.change', { change: limit('200000000'), nonce: b.fields.nonce, signature: signatureA }))).toBe('COSIGN__INVALID_SIGNATURE');
    expect(await listed()).toEqual(current);
  });

  it("a stranger's signature is refused and spends nothing; the Owner's over the same message then applies (tightening too needs it)", async () => {
    const change = limit('50000000');
    const message = resultOf<CosignRequest>(await command('policy.change_message', { change }));
    for (const stranger of [solanaOwnerWallet(), evmOwnerWallet()]) {
      const signature = await stranger.sign(message);
      expect(codeOf(await command('policy.change', { change, nonce: message.fields.nonce, signature }))).toBe('COSIGN__INVALID_SIGNATURE');
    }
    expect(await listed()).toEqual(current);
    const refused = (await cliJson<{ entries: admin.AuditEntry[] }>('audit', 'list', '--action', 'policy.change.refused')).entries;
    expect(refused[0]).toMatchObject({ details: { owner: the.address, code: 'COSIGN__INVALID_SIGNATURE' } });

    const signature = await the.sign(message);
    resultOf(await command('policy.change', { change, nonce: message.fields.nonce, signature }));
    current = await listed();
    expect(current.map((p) => p.rule)).toEqual([expect.objectContaining({ instantMax: '50000000' })]);
  });

  it('removing a rule works the same way: the message names the rule, a stranger is refused, a replay is refused', async () => {
    const [rule] = await listed();
    if (!rule) throw new Error('no rule to remove');
    const change = { remove: rule.id };
    const message = resultOf<CosignRequest>(await command('policy.change_message', { change }));
    expect(message.fields.summary).toBe(`Remove from wallet bot (policy ${rule.id}): SPENDING_LIMIT native: INSTANT ≤ 0.05 SOL, NOTIFY ≤ 0.2 SOL, DELAY (10m) ≤ 0.5 SOL, above: APPROVAL`);
    expect(codeOf(await command('policy.change', { change, nonce: message.fields.nonce, signature: await solanaOwnerWallet().sign(message) }))).toBe('COSIGN__INVALID_SIGNATURE');
    expect(await listed()).toEqual(current);

    const signature = await the.sign(message);
    const removed = resultOf<{ policy: Policy }>(await command('policy.change', { change, nonce: message.fields.nonce, signature }));
    expect(removed.policy.id).toBe(rule.id);
    expect(await listed()).toEqual([]);
    expect(codeOf(await command('policy.change', { change, nonce: message.fields.nonce, signature }))).toBe('COSIGN__NONCE_USED');
    expect(codeOf(await command('policy.change_message', { change }))).toBe('POLICY__NOT_FOUND');
    // Newest first.
    const entries = (await cliJson<{ entries: admin.AuditEntry[] }>('audit', 'list', '--action', 'policy.remove')).entries;
    expect(entries[0]).toMatchObject({ actor: `owner:${the.address}`, details: { policyId: rule.id } });
  });

  it('a session rule names the session; the listing filters by session like the admin route', async () => {
    const created = await cliJson<{ session: { id: string } }>('session', 'create', '--wallet', 'bot');
    const change = { set: { session: created.session.id, rule: { type: 'RATE_LIMIT', maxRequests: 3, windowSeconds: 3600 } } };
    const message = resultOf<CosignRequest>(await command('policy.change_message', { change }));
    expect(message.fields.summary).toBe(`Set for session ${created.session.id} of wallet bot: RATE_LIMIT: at most 3 requests per 1h per session, above: refused`);
    resultOf(await command('policy.change', { change, nonce: message.fields.nonce, signature: await the.sign(message) }));
    const applying = resultOf<{ policies: Policy[] }>(await command('policy.list', { session: created.session.id })).policies;
    // What applies to the session: its own rule besides the wallet's (none left) and the global ones (none).
    expect(applying).toEqual([expect.objectContaining({ scope: 'session', sessionId: created.session.id, rule: expect.objectContaining({ type: 'RATE_LIMIT' }) })]);
    expect((await listed()).map((p) => p.scope)).toEqual(['session']);
    expect(codeOf(await command('policy.list', { session: '0190f5c2-7a8b-7c3d-9e4f-a1b2c3d4e5f6' }))).toBe('SESSION__NOT_FOUND');
  });

  it('a change the Owner could not read whole, or a malformed one, gets no message to sign', async () => {
    const addresses = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, '0')}${'A'.repeat(42)}`);
    const long = { set: { wallet: 'bot', rule: { type: 'RECIPIENT_ALLOWLIST', addresses } } };
    const refused = await command('policy.change_message', { change: long });
    expect(codeOf(refused)).toBe('REQUEST__VALIDATION_FAILED');
    expect(refused.type === 'error' && refused.error.message).toContain("more than the 500 the Owner's message can show; make it with the CLI");
    const malformed = { set: { wallet: 'bot', rule: { type: 'SPENDING_LIMIT', asset: 'native', instantMax: '3', notifyMax: '2', delayMax: '1' } } };
    // The channel parses every command with its protocol schema first.
    expect(codeOf(await command('policy.change_message', { change: malformed }))).toBe('OWNER__MALFORMED_FRAME');
    expect(codeOf(await command('policy.change_message', { change: { remove: 'not-an-id' } }))).toBe('OWNER__MALFORMED_FRAME');
  });
});
