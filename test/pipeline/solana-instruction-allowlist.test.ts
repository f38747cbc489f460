import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSolana, startLocalSolana } from '../chains/solana/local-solana.js';
import { agentClient } from '../support/agent.js';
import { errorCode } from '../support/http.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

const SYSTEM = '11111111111111111111111111111111';
// SPL Memo v3, loaded in LiteSVM: its instruction data is the memo text, so its first bytes are ours to pick.
const MEMO = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';
const OTHER = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
const SOL = 1_000_000_000n;

describe('Solana program calls against instruction discriminators, through the daemon on LiteSVM', () => {
  let chain: LocalSolana;
  let home: TestHome;
  let signer: RunningSigner;
  let wallet: string;
  let agent: ReturnType<typeof agentClient>;

  /** System program Transfer: u32 LE instruction index 2, then u64 LE lamports. */
  const systemTransfer = (lamports: bigint) => {
    const data = Buffer.alloc(12);
    data.writeUInt32LE(2, 0);
    data.writeBigUInt64LE(lamports, 4);
    return {
      type: 'CONTRACT_CALL',
      to: SYSTEM,
      data: data.toString('base64'),
      accounts: [
        { address: wallet, isSigner: true, isWritable: true },
        { address: OTHER, isSigner: false, isWritable: true },
      ],
    };
  };
  /** System program Allocate (index 8) of the wallet's own account: never listed below. */
  const systemAllocate = () => {
    const data = Buffer.alloc(12);
    data.writeUInt32LE(8, 0);
    data.writeBigUInt64LE(16n, 4);
    return { type: 'CONTRACT_CALL', to: SYSTEM, data: data.toString('base64'), accounts: [{ address: wallet, isSigner: true, isWritable: true }] };
  };
  const memo = (text: string) => ({ type: 'CONTRACT_CALL', to: MEMO, data: Buffer.from(text).toString('base64') });

  beforeAll(async () => {
    chain = await startLocalSolana();
    home = await createTestHome();
    appendFileSync(join(home.home, 'config.toml'), `\n[networks.local-solana]\nfamily = "solana"\nrpc_url = "${chain.url}"\n`);
    signer = await startSigner(home, { WAIAAS_PIPELINE_CONFIRM_INTERVAL: '100' });
    const created = await home.cli('wallet', 'create', '--chain', 'solana', '--network', 'local-solana', '--name', 'agent', '--json');
    wallet = created.json<{ wallet: { address: string } }>().wallet.address;
    await chain.airdrop(wallet, 2n * SOL);
    // Transfer only (4-byte index, typed without 0x), and memos starting "ok" (0x6f6b).
    const set = await home.cli('policy', 'set', 'allowed-contracts', '--wallet', 'agent', '--contract', `${SYSTEM}:02000000`, `${MEMO}:0x6f6b`, '--json');
    expect(set.code, set.stdout + set.stderr).toBe(0);
    const session = (await home.cli('session', 'create', '--wallet', 'agent', '--json')).json<{ token: string }>();
    agent = agentClient(home.socketPath, session.token);
  }, 120_000);

  afterAll(async () => {
    await signer?.stop();
    await chain?.stop();
    home?.remove();
  });

  it('policy list shows each program with its discriminators', async () => {
    const listed = await home.cli('policy', 'list', '--wallet', 'agent');
    expect(listed.stdout).toContain(`ALLOWED_CONTRACTS ${SYSTEM}:0x02000000, ${MEMO}:0x6f6b`);
  });

  it('a listed instruction lands; an unlisted one of a listed program is refused, naming the instruction', async () => {
    const before = chain.lamports(OTHER);
    const sent = await agent.send(systemTransfer(4_000_000n));
    await agent.waitFor(sent.id, 'CONFIRMED');
    expect(chain.lamports(OTHER)).toBe(before + 4_000_000n);

    const refused = await agent.call('POST', '/v1/transactions/send', systemAllocate());
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: {
        code: 'POLICY__CONTRACT_NOT_ALLOWED',
        context: { contract: SYSTEM, selector: '0x0800000010000000' },
        message: `Calls to ${SYSTEM} (method 0x0800000010000000) are not on this wallet's allowlist; the Owner can add it with "waiaas policy set allowed-contracts".`,
      },
    });
  });

  it('matches the discriminator as a prefix of the instruction data', async () => {
    const ok = await agent.send(memo('ok: invoice 42 paid'));
    await agent.waitFor(ok.id, 'CONFIRMED');
    const other = await agent.call('POST', '/v1/transactions/send', memo('no: something else'));
    expect(errorCode(other)).toBe('POLICY__CONTRACT_NOT_ALLOWED');
    expect(other.body).toMatchObject({ error: { context: { contract: MEMO, selector: `0x${Buffer.from('no: some').toString('hex')}` } } });
  });

  it('checks every call of a batch: one unlisted instruction refuses the whole batch before anything is stored', async () => {
    const count = async () => ((await agent.call('GET', '/v1/transactions?limit=100')).body as { transactions: unknown[] }).transactions.length;
    const stored = await count();
    const mixed = await agent.call('POST', '/v1/transactions/send', { type: 'BATCH', calls: [systemTransfer(1_000_000n), memo('ok'), systemAllocate()] });
    expect(mixed.status).toBe(403);
    expect(mixed.body).toMatchObject({ error: { code: 'POLICY__CONTRACT_NOT_ALLOWED', context: { selector: '0x0800000010000000' } } });
    expect(await count()).toBe(stored);

    const before = chain.lamports(OTHER);
    const listed = await agent.send({ type: 'BATCH', calls: [systemTransfer(1_000_000n), memo('ok, batched')] });
    await agent.waitFor(listed.id, 'CONFIRMED');
    expect(chain.lamports(OTHER)).toBe(before + 1_000_000n);
  });

  it('a program the allowlist does not name is refused whatever the instruction', async () => {
    const TOKEN = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
    const res = await agent.call('POST', '/v1/transactions/send', { type: 'CONTRACT_CALL', to: TOKEN, data: Buffer.from([0x02]).toString('base64') });
    expect(res.body).toMatchObject({ error: { code: 'POLICY__CONTRACT_NOT_ALLOWED', context: { contract: TOKEN, selector: null } } });
  });
});
