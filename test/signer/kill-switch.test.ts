import { getAddress } from 'viem';
import { getBalance } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Anvil } from '../chains/evm/start-anvil.js';
import { agentClient } from '../support/agent.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { errorCode } from '../support/http.js';
import type { RpcProxy } from '../support/rpc-proxy.js';
import type { TestHome } from '../support/signer-home.js';

const RECIPIENT = getAddress('0x000000000000000000000000000000000000dead');
type ErrorJson = { error: { code: string; message: string } };

describe('the kill switch, engaged and recovered from the CLI', () => {
  let h: EvmSigner;
  let anvil: Anvil;
  let proxy: RpcProxy;
  let home: TestHome;
  const newAgent = async () =>
    agentClient(home.socketPath, (await home.cli('session', 'create', '--wallet', 'agent', '--max-total', '100000', '--json')).json<{ token: string }>().token);

  beforeAll(async () => {
    h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    ({ anvil, proxy, home } = h);
    await h.newWallet('agent', 10n ** 19n);
  }, 120_000);

  afterAll(() => h?.stop());

  it('activation revokes every session, cancels what waits, refuses agents with 503, and survives a restart', async () => {
    const [a, b] = [await newAgent(), await newAgent()];
    proxy.block('*');
    const waiting = await a.send({ type: 'TRANSFER', to: RECIPIENT, amount: '5000' });
    const before = await (async () => {
      proxy.unblock();
      return getBalance(anvil.client, { address: RECIPIENT });
    })();
    proxy.block('*');

    const activated = await home.cli('kill-switch', 'activate', '--reason', 'agent misbehaving', '--json');
    expect(activated.code, activated.stderr).toBe(0);
    expect(activated.json()).toMatchObject({ killSwitch: { state: 'SUSPENDED', actor: 'master', reason: 'agent misbehaving' }, revokedSessions: 2, cancelledTransactions: 1 });

    for (const agent of [a, b]) {
      const res = await agent.call('GET', '/v1/wallet/address');
      expect(res.status).toBe(503);
      expect(errorCode(res)).toBe('KILL_SWITCH__ENGAGED');
    }
    const created = await home.cli('session', 'create', '--wallet', 'agent', '--json');
    expect(created.json<ErrorJson>().error.code).toBe('KILL_SWITCH__ENGAGED');
    const sessions = (await home.cli('session', 'list', '--all', '--json')).json<{ sessions: { status: string }[] }>().sessions;
    expect(sessions.every((s) => s.status === 'revoked')).toBe(true);

    proxy.unblock();
    await h.restart();
    expect((await home.cli('kill-switch', 'status', '--json')).json()).toMatchObject({ state: 'SUSPENDED' });
    expect((await a.call('GET', '/v1/wallet/address')).status).toBe(503);
    await new Promise((r) => setTimeout(r, 500));
    expect(await getBalance(anvil.client, { address: RECIPIENT })).toBe(before);
    const again = await home.cli('kill-switch', 'activate', '--json');
    expect(again.json<ErrorJson>().error.code).toBe('KILL_SWITCH__ALREADY_ENGAGED');

    const recovered = await home.cli('kill-switch', 'recover', '--json');
    expect(recovered.json()).toMatchObject({ killSwitch: { state: 'ACTIVE' } });
    // Old sessions stay revoked; a new one works, and the cancelled transaction stayed cancelled.
    const old = await a.call('GET', '/v1/wallet/address');
    expect(errorCode(old)).toBe('SESSION__REVOKED');
    const fresh = await newAgent();
    expect((await fresh.call('GET', '/v1/wallet/address')).status).toBe(200);
    const tx = await fresh.send({ type: 'TRANSFER', to: RECIPIENT, amount: '7' });
    await fresh.waitFor(tx.id, 'CONFIRMED');
    expect(await getBalance(anvil.client, { address: RECIPIENT })).toBe(before + 7n);
    expect(await fresh.get(waiting.id)).toMatchObject({ status: 'CANCELLED', error: { code: 'KILL_SWITCH__ENGAGED' } });

    const notEngaged = await home.cli('kill-switch', 'recover', '--json');
    expect(notEngaged.json<ErrorJson>().error).toMatchObject({
      code: 'KILL_SWITCH__NOT_ENGAGED',
      message: 'The kill switch is ACTIVE, not engaged; there is nothing to recover.',
    });
  });

  it('a signed transaction not yet sent is held back while engaged and sent after recovery', async () => {
    const agent = await newAgent();
    const before = await getBalance(anvil.client, { address: RECIPIENT });
    proxy.block('eth_sendRawTransaction');
    const tx = await agent.send({ type: 'TRANSFER', to: RECIPIENT, amount: '11' });
    await agent.waitFor(tx.id, 'SIGNED');
    expect((await home.cli('kill-switch', 'activate', '--json')).code).toBe(0);
    proxy.unblock();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await getBalance(anvil.client, { address: RECIPIENT })).toBe(before);
    expect((await home.cli('kill-switch', 'recover', '--json')).code).toBe(0);
    const fresh = await newAgent();
    await fresh.waitFor(tx.id, 'CONFIRMED');
    expect(await getBalance(anvil.client, { address: RECIPIENT })).toBe(before + 11n);
  });
});
