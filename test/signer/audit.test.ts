import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEntry } from '../../signer/src/audit/audit-chain.js';
import type { AuditRow } from '../../signer/src/audit/audit-store.js';
import { httpRequest } from '../support/http.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

type Entry = { seq: number; at: string; actor: string; action: string; walletId: string | null; sessionId: string | null };
type Verification = { status: string; verified: number; legacy: number; firstSeq: number | null; head: { seq: number; entryHash: string } | null; checkpoint: null };
type ErrorJson = { error: { code: string; message: string; context: Record<string, unknown> } };

const NO_CHECKPOINT =
  'No checkpoint yet: entries removed from the end of the log cannot be detected until the Owner signs a checkpoint (audit.checkpoint from a paired device).';

describe('the audit log through the real daemon and CLI', { timeout: 120_000 }, () => {
  let home: TestHome;
  let signer: RunningSigner | undefined;
  let trader: { id: string };
  let sessionId: string;
  const database = () => join(home.home, 'waiaas.db');
  const list = async (...args: string[]) => {
    const r = await home.cli('audit', 'list', ...args, '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r.json<{ entries: Entry[] }>().entries;
  };

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
    trader = (await home.cli('wallet', 'create', '--chain', 'solana', '--name', 'trader', '--json')).json<{ wallet: { id: string } }>().wallet;
    await home.cli('wallet', 'create', '--chain', 'evm', '--name', 'other', '--json');
    const created = (await home.cli('session', 'create', '--wallet', 'trader', '--json')).json<{ token: string; session: { id: string } }>();
    sessionId = created.session.id;
    for (let i = 0; i < 2; i += 1) await httpRequest({ socketPath: home.socketPath }, 'GET', '/v1/wallet/address', { token: created.token });
  });
  afterAll(async () => {
    await signer?.stop();
    home?.remove();
  });

  it('verifies a fresh home after some activity, from the entry init wrote, and says what it cannot see', async () => {
    const r = await home.cli('audit', 'verify', '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = r.json<Verification>();
    expect(result).toMatchObject({ status: 'ok', legacy: 0, firstSeq: 1, checkpoint: null });
    expect(result.verified).toBeGreaterThan(10);
    expect(result.head?.seq).toBe(result.verified);
    expect(result.head?.entryHash).toMatch(/^[0-9a-f]{64}$/);

    const human = await home.cli('audit', 'verify');
    expect(human.code).toBe(0);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Audit log intact: (\d+) entries verified with the audit key \(seq 1–\1\)\.$/);
    expect(lines[1]).toMatch(/^ {2}head {2}seq \d+ {2}[0-9a-f]{64}$/);
    expect(lines[2]).toBe(NO_CHECKPOINT);
  });

  it('lists entries newest first, filtered by wallet, session, action and time', async () => {
    const all = await list('--limit', '1000');
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    expect(all.at(-1)).toMatchObject({ seq: 1, actor: 'master', action: 'home.init' });
    const firstAt = all.at(-1)?.at ?? '';

    // Independent queries, run side by side: each CLI run logs in, which takes a moment.
    const [byName, byId, bySession, sessionUses, init, recentInit, beforeAll, untilFirst] = await Promise.all([
      list('--wallet', 'trader'),
      list('--wallet', trader.id),
      list('--session', sessionId),
      list('--session', sessionId, '--action', 'session.use'),
      list('--action', 'home.init'),
      list('--since', '1h', '--action', 'home.init'),
      list('--until', '2000-01-01'),
      list('--until', firstAt),
    ]);
    expect(byName.every((e) => e.walletId === trader.id)).toBe(true);
    expect(new Set(byName.map((e) => e.action))).toEqual(new Set(['wallet.create', 'session.create', 'session.use']));
    expect(byId).toEqual(byName);
    expect(bySession.every((e) => e.sessionId === sessionId)).toBe(true);
    expect(bySession.map((e) => e.action)).toEqual(['session.use', 'session.use', 'session.create']);
    expect(sessionUses.map((e) => e.actor)).toEqual([`session:${sessionId}`, `session:${sessionId}`]);
    expect(init.map((e) => e.seq)).toEqual([1]);
    expect(recentInit.map((e) => e.seq)).toEqual([1]);
    expect(beforeAll).toEqual([]);
    expect(untilFirst.map((e) => e.seq)).toEqual([1]);

    const [newest, ...rest] = (await list('--limit', '3')).map((e) => e.seq);
    expect([newest, ...rest]).toEqual([newest, (newest ?? 0) - 1, (newest ?? 0) - 2]);
  });

  it('prints one readable line per entry', async () => {
    const [init, use, none] = await Promise.all([
      home.cli('audit', 'list', '--action', 'home.init'),
      home.cli('audit', 'list', '--action', 'session.use', '--limit', '1'),
      home.cli('audit', 'list', '--until', '2000-01-01'),
    ]);
    expect(init.stdout).toMatch(/^ {5}1 {2}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z {2}home\.init {13}master\n$/);
    expect(use.stdout).toContain(`Z  ${'session.use'.padEnd(20)}  session:${sessionId}  wallet=trader  {"method":"GET","path":"/v1/wallet/address"}\n`);
    expect(none.stdout).toBe('No audit entries match.\n');
  });

  it('refuses bad filters with coded errors', async () => {
    const error = async (...args: string[]) => {
      const r = await home.cli('audit', 'list', ...args, '--json');
      expect(r.code).toBe(1);
      return r.json<ErrorJson>().error;
    };
    const invalid = [['--limit', '0'], ['--limit', '1001'], ['--session', 'not-a-uuid'], ['--action', 'DROP TABLE'], ['--since', '1h', '--until', '2h']];
    const [unknownWallet, badTime, ...rejected] = await Promise.all([
      error('--wallet', 'nobody'),
      error('--since', 'yesterday'),
      ...invalid.map((args) => error(...args)),
    ]);
    expect(unknownWallet).toMatchObject({ code: 'WALLET__NOT_FOUND' });
    expect(badTime).toEqual({
      code: 'AUDIT__INVALID_TIME',
      message: '--since "yesterday" is neither an ISO 8601 time nor a duration such as 30m, 1h or 7d.',
      context: { option: '--since', input: 'yesterday' },
    });
    rejected.forEach((e, i) => expect(e.code, invalid[i]?.join(' ')).toBe('REQUEST__VALIDATION_FAILED'));
  });

  describe('after someone with the database file in hand rewrote it, while the signer was stopped', () => {
    let pristine: string;
    let rows: AuditRow[];
    let middle: number;

    beforeAll(async () => {
      await signer?.stop();
      signer = undefined;
      pristine = join(home.home, '..', 'pristine.db');
      expect(existsSync(`${database()}-wal`)).toBe(false);
      copyFileSync(database(), pristine);
      const db = new Database(pristine, { readonly: true });
      rows = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').all();
      db.close();
      middle = Math.floor(rows.length / 2);
    });

    /** Restores the untouched file, rewrites it as an attacker would (triggers dropped first), and runs verify. */
    async function tamperAndVerify(rewrite: (db: Database.Database) => void) {
      for (const suffix of ['-wal', '-shm']) rmSync(`${database()}${suffix}`, { force: true });
      copyFileSync(pristine, database());
      const db = new Database(database());
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      rewrite(db);
      db.close();
      const running = await startSigner(home);
      try {
        return await home.cli('audit', 'verify', '--json');
      } finally {
        await running.stop();
      }
    }

    const row = (seq: number) => rows.find((r) => r.seq === seq) as AuditRow;
    const broken = (r: { code: number | null; json: <T>() => T }) => {
      expect(r.code).toBe(1);
      return r.json<ErrorJson>().error;
    };

    it('an edited entry', async () => {
      const r = await tamperAndVerify((db) => db.prepare(`UPDATE audit_log SET details = '{"pid":1}' WHERE seq = ?`).run(middle));
      expect(broken(r)).toEqual({
        code: 'AUDIT__CHAIN_BROKEN',
        message: `The audit log is broken at seq ${middle}: its hash is not a valid MAC of its content, so it was edited, or written without the audit key.`,
        context: { seq: middle, reason: 'edited', afterSeq: middle - 1 },
      });
    });

    it('a deleted entry', async () => {
      const r = await tamperAndVerify((db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(middle));
      expect(broken(r)).toEqual({
        code: 'AUDIT__CHAIN_BROKEN',
        message: `The audit log is broken at seq ${middle + 1}: entry ${middle} before it was deleted.`,
        context: { seq: middle + 1, reason: 'deleted', afterSeq: middle - 1 },
      });
    });

    it('two entries that swapped places', async () => {
      const r = await tamperAndVerify((db) => {
        const set = db.prepare(
          'UPDATE audit_log SET at = ?, actor = ?, action = ?, wallet_id = ?, session_id = ?, details = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?',
        );
        for (const [from, to] of [[middle + 1, middle], [middle, middle + 1]] as const) {
          const { at, actor, action, wallet_id, session_id, details, prev_hash, entry_hash } = row(from);
          set.run(at, actor, action, wallet_id, session_id, details, prev_hash, entry_hash, to);
        }
      });
      expect(broken(r)).toMatchObject({
        message: `The audit log is broken at seq ${middle}: it holds an entry from elsewhere in the chain, so entries were reordered.`,
        context: { seq: middle, reason: 'reordered', afterSeq: middle - 1 },
      });
    });

    it('a forged entry whose hash is a plain SHA-256 in the right format, without the key', async () => {
      const last = rows.at(-1) as AuditRow;
      const forged = { ...last, seq: last.seq + 1, at: last.at + 1, actor: 'master', action: 'wallet.create', details: '{}', prev_hash: last.entry_hash };
      const hash = createHash('sha256').update(encodeEntry(forged)).digest('hex');
      const r = await tamperAndVerify((db) =>
        db
          .prepare('INSERT INTO audit_log (seq, at, actor, action, wallet_id, session_id, details, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(forged.seq, forged.at, forged.actor, forged.action, forged.wallet_id, forged.session_id, forged.details, forged.prev_hash, hash),
      );
      expect(broken(r)).toMatchObject({ context: { seq: last.seq + 1, reason: 'edited', afterSeq: last.seq } });
    });

    it('a cut-off tail shows as soon as the signer writes again, unless the sequence was rewound too', async () => {
      const cut = rows.length - 2;
      const r = await tamperAndVerify((db) => db.prepare('DELETE FROM audit_log WHERE seq > ?').run(cut));
      // The signer's start-up entry takes the next seq never used, after the gap.
      expect(broken(r)).toMatchObject({ context: { seq: rows.length + 1, reason: 'deleted', afterSeq: cut } });

      const rewound = await tamperAndVerify((db) => {
        db.prepare('DELETE FROM audit_log WHERE seq > ?').run(cut);
        db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(cut);
      });
      // Without a checkpoint this cannot be seen, and verify says so.
      expect(rewound.code).toBe(0);
      expect(rewound.json<Verification>()).toMatchObject({ status: 'ok', checkpoint: null });
    });
  });
});
