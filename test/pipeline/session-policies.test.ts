import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient } from '../support/agent.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { errorCode } from '../support/http.js';
import type { TestHome } from '../support/signer-home.js';

const RECIPIENT = getAddress('0x00000000000000000000000000000000005e5510');
const transfer = (amount: string) => ({ type: 'TRANSFER', to: RECIPIENT, amount });

type Agent = ReturnType<typeof agentClient>;
type ListedPolicy = { scope: string; sessionId: string | null; rule: { type: string } };

describe('session rules through the daemon: one session is held, another on the same wallet is not', () => {
  let h: EvmSigner;
  let home: TestHome;
  let held: Agent;
  let free: Agent;
  let heldId: string;
  let freeId: string;

  const cli = async (...args: string[]) => {
    const r = await home.cli(...args);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r;
  };
  const newSession = async (wallet: string) => {
    const created = (await cli('session', 'create', '--wallet', wallet, '--json')).json<{ session: { id: string }; token: string }>();
    return { id: created.session.id, agent: agentClient(home.socketPath, created.token) };
  };

  beforeAll(async () => {
    h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    home = h.home;
    await h.newWallet('shared');
    ({ id: heldId, agent: held } = await newSession('shared'));
    ({ id: freeId, agent: free } = await newSession('shared'));
  }, 120_000);

  afterAll(() => h?.stop());

  it("a session rate limit refuses that session's second send; the other session goes on", async () => {
    const set = await cli('policy', 'set', 'rate-limit', '--session', heldId, '--max-requests', '1', '--window', '1h');
    expect(set.stdout).toContain('Set session policy');
    expect(set.stdout).toContain('RATE_LIMIT: at most 1 requests per 1h per session, above: refused');
    await held.send(transfer('1'));
    const second = await held.call('POST', '/v1/transactions/send', transfer('1'));
    expect(second.status).toBe(429);
    expect(second.body).toEqual({
      error: {
        code: 'POLICY__RATE_LIMITED',
        message: 'This session may make at most 1 request per 3600 s and has made them.',
        context: { maxRequests: 1, windowSeconds: 3600, scope: 'session' },
      },
    });
    // The simulation answers as the send would, for the same session.
    expect(errorCode(await held.call('POST', '/v1/transactions/simulate', transfer('1')))).toBe('POLICY__RATE_LIMITED');
    for (let i = 0; i < 3; i++) expect((await free.send(transfer('1'))).status).toMatch(/PENDING|QUEUED/);
  }, 60_000);

  it("a session rolling limit counts only that session's spending", async () => {
    await cli('policy', 'set', 'rolling-limit', '--session', freeId, '--window', '24h', '--max', '5000');
    // The free session has moved 3 wei: 4997 more fit, 4998 do not.
    const over = await free.call('POST', '/v1/transactions/send', transfer('4998'));
    expect(over.body).toEqual({
      error: {
        code: 'POLICY__ROLLING_LIMIT_EXCEEDED',
        message:
          'This session may move at most 5000 of native per 24h and has 3 spent or reserved in that window, so 4997 remains; the request for 4998 would exceed it.',
        context: { asset: 'native', window: '24h', max: '5000', used: '3', amount: '4998', scope: 'session' },
      },
    });
    await free.waitFor((await free.send(transfer('4997'))).id, 'CONFIRMED');
    // A third session on the wallet has no session rule: the wallet as a whole is not capped.
    const { agent: third } = await newSession('shared');
    await third.waitFor((await third.send(transfer('6000'))).id, 'CONFIRMED');
  }, 60_000);

  it('each session sees exactly the rules that apply to it, over the agent API and in the CLI', async () => {
    const rulesOf = async (agent: Agent) => ((await agent.call('GET', '/v1/policies')).body as { policies: ListedPolicy[] }).policies;
    const heldRules = await rulesOf(held);
    expect(heldRules.filter((p) => p.scope === 'session')).toEqual([
      expect.objectContaining({ sessionId: heldId, rule: expect.objectContaining({ type: 'RATE_LIMIT' }) }),
    ]);
    expect(heldRules.some((p) => p.scope === 'wallet' && p.rule.type === 'SPENDING_LIMIT')).toBe(true);
    expect((await rulesOf(free)).filter((p) => p.scope === 'session').map((p) => [p.sessionId, p.rule.type])).toEqual([[freeId, 'ROLLING_LIMIT']]);

    const listed = (await cli('policy', 'list', '--session', heldId)).stdout;
    expect(listed).toContain(`shared session ${heldId}`);
    expect(listed).toContain('RATE_LIMIT: at most 1 requests per 1h per session');
    expect(listed).not.toContain('ROLLING_LIMIT');
    const ofWallet = (await cli('policy', 'list', '--wallet', 'shared')).stdout;
    expect(ofWallet).toContain('ROLLING_LIMIT native: at most 0.000000000000005 ETH per 24h per session, above: refused');
  }, 60_000);

  it('one rule per type per session: setting it again replaces it, and another session keeps its own', async () => {
    await cli('policy', 'set', 'rate-limit', '--session', heldId, '--max-requests', '5', '--window', '1h');
    await cli('policy', 'set', 'rate-limit', '--session', freeId, '--max-requests', '100', '--window', '1h');
    const all = (await cli('policy', 'list', '--json')).json<{ policies: (ListedPolicy & { rule: { maxRequests?: number } })[] }>().policies;
    const rates = all.filter((p) => p.rule.type === 'RATE_LIMIT').map((p) => [p.sessionId, p.rule.maxRequests]);
    expect(rates.sort()).toEqual([[heldId, 5], [freeId, 100]].sort());
    // The replaced rule took effect: the held session may send again (1 of 5 used).
    expect((await held.call('POST', '/v1/transactions/send', transfer('1'))).status).toBe(200);
  }, 60_000);

  it('a rule for an unknown or revoked session is refused with a code, and nothing is stored', async () => {
    const unknown = await home.cli('policy', 'set', 'rate-limit', '--session', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '--max-requests', '1', '--window', '1h', '--json');
    expect(unknown.code).not.toBe(0);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('SESSION__NOT_FOUND');

    const { id: gone } = await newSession('shared');
    await cli('session', 'revoke', gone);
    const revoked = await home.cli('policy', 'set', 'rate-limit', '--session', gone, '--max-requests', '1', '--window', '1h', '--json');
    expect(revoked.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'POLICY__SESSION_INACTIVE',
      message: `Session ${gone} is revoked: a rule for it would never apply. Create a new session and set the rule for it.`,
    });
    const both = await home.cli('policy', 'set', 'rate-limit', '--session', heldId, '--wallet', 'shared', '--max-requests', '1', '--window', '1h', '--json');
    expect(both.json<{ error: { code: string } }>().error.code).toBe('REQUEST__VALIDATION_FAILED');
    const all = (await cli('policy', 'list', '--json')).json<{ policies: ListedPolicy[] }>().policies;
    expect(all.filter((p) => p.scope === 'session')).toHaveLength(3);
  }, 60_000);
});
