import { getAddress } from 'viem';
import { getBalance, readContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployErc20, erc20PresetAbi } from '../chains/evm/erc20.js';
import type { Anvil } from '../chains/evm/start-anvil.js';
import { type EvmSigner, startEvmSigner } from '../support/evm-signer.js';
import { agentClient } from '../support/agent.js';
import type { HttpResponse } from '../support/http.js';
import type { TestHome } from '../support/signer-home.js';

const FRIEND = getAddress('0x00000000000000000000000000000000000f1e2d');
const STRANGER = getAddress('0x000000000000000000000000000000000005714e');
const SPENDER = getAddress('0x0000000000000000000000000000000000005bed');
const ETH = 10n ** 18n;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZONE = 'Asia/Kolkata';

/**
 * Weekday and hour now in `timeZone`, away from an hour boundary so the daemon sees the same hour for the
 * rest of the test. Zones sit on quarter-hour offsets (Asia/Kolkata is +05:30), so a local hour can end at
 * any quarter of a UTC hour: wait out the last two minutes before every quarter.
 */
async function localNow(timeZone: string): Promise<{ day: string; hour: number }> {
  const quarter = 900_000;
  const msToNextQuarter = quarter - (Date.now() % quarter);
  if (msToNextQuarter < 120_000) await new Promise((r) => setTimeout(r, msToNextQuarter + 1_000));
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(new Date());
  return {
    day: (parts.find((p) => p.type === 'weekday')?.value ?? '').toLowerCase(),
    hour: Number(parts.find((p) => p.type === 'hour')?.value) % 24,
  };
}

const errorOf = (res: HttpResponse) => (res.body as { error: { code: string; message: string; context: Record<string, unknown> } }).error;

describe('recipient allowlists, time windows and approval caps through the daemon, on a real anvil chain', () => {
  let anvil: Anvil;
  let home: TestHome;
  let h: EvmSigner;
  let agent: ReturnType<typeof agentClient>;
  let wallet: `0x${string}`;
  let token: `0x${string}`;
  const tokenBalance = (address: `0x${string}`) => readContract(anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'balanceOf', args: [address] });
  const stored = async () => ((await agent.call('GET', '/v1/transactions')).body as { transactions: { id: string }[] }).transactions.map((t) => t.id);
  const policy = async (...args: string[]) => {
    const r = await home.cli('policy', ...args, '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r.json<{ policy: { id: string } }>().policy;
  };
  const refused = async (body: Record<string, unknown>, code: string) => {
    const before = await stored();
    const res = await agent.call('POST', '/v1/transactions/send', body);
    expect(res.status, res.text).toBe(403);
    expect(errorOf(res).code).toBe(code);
    expect(await stored()).toEqual(before);
    return errorOf(res);
  };

  beforeAll(async () => {
    h = await startEvmSigner({ WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    ({ anvil, home } = h);
    wallet = getAddress(await h.newWallet('agent', 100n * ETH));
    token = await deployErc20(anvil, { supply: 10n ** 24n, owner: wallet });
    agent = agentClient(home.socketPath, (await home.cli('session', 'create', '--wallet', 'agent', '--json')).json<{ token: string }>().token);
    await policy('set', 'allowed-tokens', '--wallet', 'agent', '--token', token);
    await policy('set', 'spending-limit', '--wallet', 'agent', '--asset', token, '--instant-max', '1000', '--notify-max', '1000', '--delay-max', '1000');
  }, 120_000);

  afterAll(() => h?.stop());

  it('a recipient allowlist refuses unlisted recipients, storing nothing, and judges token transfers by their recipient', async () => {
    // The token contract itself is listed too: a token transfer must still be judged by who receives it.
    const rule = await policy('set', 'recipient-allowlist', '--wallet', 'agent', '--address', `${FRIEND.toLowerCase()}=friend`, token);
    const error = await refused({ type: 'TRANSFER', to: STRANGER, amount: '1000' }, 'POLICY__RECIPIENT_NOT_ALLOWED');
    expect(error.context).toEqual({ recipient: STRANGER });
    expect(await getBalance(anvil.client, { address: STRANGER })).toBe(0n);
    await refused({ type: 'TOKEN_TRANSFER', token, to: STRANGER, amount: '5' }, 'POLICY__RECIPIENT_NOT_ALLOWED');
    await refused({ type: 'APPROVE', token, spender: STRANGER, amount: '5' }, 'POLICY__RECIPIENT_NOT_ALLOWED');

    const transfer = await agent.send({ type: 'TRANSFER', to: FRIEND, amount: '1000' });
    const tokenTransfer = await agent.send({ type: 'TOKEN_TRANSFER', token, to: FRIEND, amount: '5' });
    expect(tokenTransfer.tier).toBe('INSTANT');
    await agent.waitFor(transfer.id, 'CONFIRMED');
    await agent.waitFor(tokenTransfer.id, 'CONFIRMED');
    expect(await getBalance(anvil.client, { address: FRIEND })).toBe(1000n);
    expect(await tokenBalance(FRIEND)).toBe(5n);

    const listed = await home.cli('policy', 'list', '--wallet', 'agent');
    expect(listed.stdout).toContain(`RECIPIENT_ALLOWLIST ${FRIEND.toLowerCase()} (friend), ${token}`);
    await policy('remove', rule.id);
  });

  it('a time window that excludes now refuses; one that includes now allows', async () => {
    const { day, hour } = await localNow(ZONE);
    const otherDays = DAYS.filter((d) => d !== day).join(',');
    await policy('set', 'time-window', '--wallet', 'agent', '--days', otherDays, '--hours', '0-24', '--time-zone', ZONE);
    const error = await refused({ type: 'TRANSFER', to: FRIEND, amount: '1000' }, 'POLICY__OUTSIDE_TIME_WINDOW');
    expect(error.context).toEqual({ timeZone: ZONE, allowed: `${otherDays} 00:00–24:00` });

    const otherHours = hour === 0 ? '1-24' : `0-${hour}`;
    await policy('set', 'time-window', '--wallet', 'agent', '--days', day, '--hours', otherHours, '--time-zone', ZONE);
    await refused({ type: 'TRANSFER', to: FRIEND, amount: '1000' }, 'POLICY__OUTSIDE_TIME_WINDOW');

    const rule = await policy('set', 'time-window', '--wallet', 'agent', '--days', day, '--hours', `${hour}-${hour + 1}`, '--time-zone', ZONE);
    const sent = await agent.send({ type: 'TRANSFER', to: FRIEND, amount: '1000' });
    await agent.waitFor(sent.id, 'CONFIRMED');

    const bad = await home.cli('policy', 'set', 'time-window', '--wallet', 'agent', '--days', day, '--hours', '9-17', '--time-zone', 'Mars/Olympus', '--json');
    expect(bad.code).not.toBe(0);
    await policy('remove', rule.id);
  }, 240_000);

  it('an approval above the cap is refused; ones below and at the cap are signed and land', async () => {
    await policy('set', 'approve-cap', '--wallet', 'agent', '--token', token.toLowerCase(), '--max', '50');
    const error = await refused({ type: 'APPROVE', token, spender: SPENDER, amount: '51' }, 'POLICY__APPROVE_CAP_EXCEEDED');
    expect(error.context).toEqual({ token, max: '50', amount: '51' });
    expect(error.message).toBe(`Approvals of ${token} are capped at 50; the request approves 51. The Owner can change it with "waiaas policy set approve-cap".`);

    const below = await agent.send({ type: 'APPROVE', token, spender: SPENDER, amount: '49' });
    await agent.waitFor(below.id, 'CONFIRMED');
    expect(await readContract(anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'allowance', args: [wallet, SPENDER] })).toBe(49n);
    const approval = await agent.send({ type: 'APPROVE', token, spender: SPENDER, amount: '50' });
    expect(approval.tier).toBe('INSTANT');
    await agent.waitFor(approval.id, 'CONFIRMED');
    expect(await readContract(anvil.client, { address: token, abi: erc20PresetAbi, functionName: 'allowance', args: [wallet, SPENDER] })).toBe(50n);
    expect((await home.cli('policy', 'list', '--wallet', 'agent')).stdout).toContain(`APPROVE_CAP ${token.toLowerCase()}: approvals ≤ 50, above: refused`);
  });
});
