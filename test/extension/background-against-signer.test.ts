import { owner } from '@waiaas/protocol';
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Companion, createCompanion } from '../../extension/src/background/create-companion.js';
import type { CompanionState, PageRequest } from '../../extension/src/port/messages.js';
import type { agentClient } from '../support/agent.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { evmOwnerWallet } from '../support/owner-wallet.js';
import { createPersistentParts, nodeCompanionPlatform, type PersistentParts } from './node-companion-platform.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000000c0c0c');
const ETH = 10n ** 18n;

/** Waits until the companion's state satisfies `check`, and returns that state. */
async function stateWhere(companion: Companion, check: (state: CompanionState) => boolean, what: string, timeoutMs = 20_000): Promise<CompanionState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = companion.store.get();
    if (check(state)) return state;
    if (Date.now() > deadline) throw new Error(`no state where ${what} within ${timeoutMs} ms; last: ${JSON.stringify({ ...state, approvals: state.approvals.length })}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A page request as the popup sends it; the reply's result, or the coded error thrown. */
async function ask<R extends Omit<PageRequest, 'id'>>(companion: Companion, request: R) {
  return companion.handle({ id: `t-${Math.random()}`, ...request } as PageRequest);
}

// The real pairing, Owner connection and state modules of the extension, against a real signer
// daemon: only the browser's APIs are replaced (Node's fetch, WebCrypto and `ws` instead).
describe('the companion background against a real signer', { timeout: 180_000 }, () => {
  let h: EvmSigner;
  let agent: ReturnType<typeof agentClient>;
  let parts: PersistentParts;
  let companion: Companion;
  let ui: ReturnType<typeof nodeCompanionPlatform>;

  beforeAll(async () => {
    h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    agent = await h.newAgent('agent', { wei: 10n * ETH });
    const limit = await h.home.cli('policy', 'set', 'spending-limit', '--wallet', 'agent', '--asset', 'native', '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000', '--json');
    expect(limit.code, limit.stdout + limit.stderr).toBe(0);
    // With no Owner, APPROVAL is downgraded to DELAY: register one (by CLI) so requests wait for approval.
    expect((await h.home.cli('owner', 'set', evmOwnerWallet().address, '--json')).code).toBe(0);
    parts = createPersistentParts();
    ui = nodeCompanionPlatform(parts);
    companion = createCompanion(ui.platform);
    await companion.ready;
  }, 180_000);
  afterAll(async () => {
    companion?.connection.stop();
    await h?.stop();
  });

  it('pairs with the code from `waiaas pair` and connects', async () => {
    expect(companion.store.get().connection).toBe('unpaired');
    const { code, signerIdentity } = owner.CreatePairingCodeResponse.parse((await h.home.cli('pair', '--json')).json());
    const { pairing } = (await ask(companion, { type: 'pair', signerUrl: `http://127.0.0.1:${h.home.port}`, code, deviceName: 'Node test' })) as { pairing: { signerIdentity: string } };
    expect(pairing.signerIdentity).toBe(signerIdentity);
    const state = await stateWhere(companion, (s) => s.connection === 'connected', 'connected');
    expect(state.killSwitch?.state).toBe('ACTIVE');
    expect(state.sessions.map((s) => s.walletName)).toEqual(['agent']);
  });

  it('shows a pending approval, on the badge and in one notification, when an agent sends above the threshold', async () => {
    const tx = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '7000', justification: 'paying the invoice' });
    expect(tx).toMatchObject({ status: 'AWAITING_APPROVAL', tier: 'APPROVAL' });
    const state = await stateWhere(companion, (s) => s.approvals.length === 1, 'one pending approval');
    expect(state.approvals[0]).toMatchObject({ transactionId: tx.id, status: 'PENDING', walletName: 'agent', justification: 'paying the invoice' });
    expect(ui.badge.at(-1)).toBe('1');
    const approval = state.approvals[0];
    expect(ui.notifications).toEqual([{ id: `approval:${approval?.id}`, title: 'Approval needed — wallet agent', message: `${approval?.amount} to ${approval?.recipient} — new recipient\n${approval?.summary}` }]);
    expect(state.activity[0]).toMatchObject({ kind: 'approval.requested', transactionId: tx.id });
  });

  it('sees a new session, and revokes it: the agent holding it is refused', async () => {
    const second = await h.newAgent('second', { wei: ETH });
    const withTwo = await stateWhere(companion, (s) => s.sessions.length === 2, 'two sessions');
    const sessionId = withTwo.sessions.find((s) => s.walletName === 'second')?.id ?? '';
    const { session } = (await ask(companion, { type: 'revokeSession', sessionId })) as { session: { status: string } };
    expect(session.status).toBe('revoked');
    await stateWhere(companion, (s) => s.sessions.length === 1 && s.activity.some((a) => a.kind === 'session.revoked'), 'the session gone');
    expect((await second.call('GET', '/v1/wallet/balance')).status).toBe(401);
  });

  it('after a signer restart, reconnects with backoff and resyncs: the pending approval is still shown', async () => {
    const pendingId = companion.store.get().approvals[0]?.id;
    const seen: CompanionState[] = [];
    const unsubscribe = companion.store.subscribe((state) => seen.push(state));
    await h.restart();
    const back = await stateWhere(companion, (s) => s.connection === 'connected' && seen.some((x) => x.connection === 'disconnected'), 'reconnected', 40_000);
    unsubscribe();
    const down = seen.find((s) => s.connection === 'disconnected');
    expect(down?.retryAt).toEqual(expect.any(String));
    expect(down?.lastError?.code).toBe('COMPANION__CONNECTION_CLOSED');
    expect(down?.approvals.map((a) => a.id)).toEqual([pendingId]);
    expect(back.approvals.map((a) => a.id)).toEqual([pendingId]);
    expect(ui.notifications).toHaveLength(1);
  });

  it('a restarted service worker shows the cached state at once, then resumes from the kept seq', async () => {
    const before = companion.store.get();
    companion.connection.stop();
    const restarted = nodeCompanionPlatform(parts);
    const again = createCompanion(restarted.platform);
    await again.ready;
    expect(again.store.get()).toMatchObject({ pairing: before.pairing, approvals: before.approvals, sessions: before.sessions });
    await stateWhere(again, (s) => s.connection === 'connected', 'reconnected');
    // Resumed from the seq kept with the cached state: the signer replays, no snapshot needed.
    const cached = (await parts.storage.cache.getValue()) as { lastSeq: number | null };
    expect(restarted.sent.find((f) => (f as { type: string }).type === 'resume')).toEqual({ type: 'resume', lastSeq: expect.any(Number) });
    expect(cached.lastSeq).toEqual(expect.any(Number));
    // Already notified before the restart: not again.
    expect(restarted.notifications).toEqual([]);
    companion = again;
    ui = restarted;
  });

  it('the kill switch from the companion cancels the waiting request and shows LOCKED (engaged by the Owner)', async () => {
    const result = (await ask(companion, { type: 'activateKillSwitch', reason: 'testing the companion' })) as { killSwitch: { state: string } };
    expect(result.killSwitch.state).toBe('LOCKED');
    const state = await stateWhere(companion, (s) => s.approvals.length === 0 && s.killSwitch?.state === 'LOCKED', 'approvals cancelled');
    expect(state.activity.some((a) => a.kind === 'kill_switch.changed')).toBe(true);
    expect(ui.badge.at(-1)).toBe('');
  });

  it('refuses an address off loopback with a clear error, and unpairs', async () => {
    await expect(ask(companion, { type: 'pair', signerUrl: 'http://10.0.0.1:3100', code: 'x', deviceName: 'n' })).rejects.toMatchObject({ code: 'COMPANION__SIGNER_URL_INVALID' });
    await ask(companion, { type: 'unpair' });
    expect(companion.store.get()).toMatchObject({ connection: 'unpaired', pairing: null, approvals: [], sessions: [] });
    expect(await parts.storage.pairing.getValue()).toBeNull();
  });
});
