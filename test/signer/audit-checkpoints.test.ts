import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type admin, type CosignRequest, owner } from '@waiaas/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnerSocket, pairAndConnect } from '../support/owner-device.js';
import { solanaOwnerWallet } from '../support/owner-wallet.js';
import { createTestHome, type RunningSigner, startSigner, type TestHome } from '../support/signer-home.js';

type Answer = Awaited<ReturnType<OwnerSocket['command']>>;
type ErrorJson = { error: { code: string; message: string; context: Record<string, unknown> } };
const resultOf = <T>(answer: Answer): T => {
  if (answer.type !== 'result') throw new Error(`refused: ${JSON.stringify(answer)}`);
  return answer.result as T;
};
const codeOf = (answer: Answer) => (answer.type === 'error' ? answer.error.code : 'accepted');

describe('Owner-signed audit checkpoints, signed over the paired channel and checked by `waiaas audit verify`', { timeout: 180_000 }, () => {
  let home: TestHome;
  let signer: RunningSigner | undefined;
  let socket: OwnerSocket;
  let n = 0;
  const command = (type: string, body: Record<string, unknown> = {}) => socket.command({ type, id: `c${++n}`, ...body });
  const wallet = solanaOwnerWallet();
  let checkpoint: admin.AuditCheckpointReport;
  let signed: CosignRequest;

  beforeAll(async () => {
    home = await createTestHome();
    signer = await startSigner(home);
    ({ socket } = await pairAndConnect(home));
  }, 120_000);
  afterAll(async () => {
    socket?.close();
    await signer?.stop();
    home?.remove();
  });

  it('needs a registered Owner', async () => {
    expect(codeOf(await command('audit.checkpoint_message'))).toBe('OWNER__NOT_REGISTERED');
  });

  it("the Owner signs the log's head; verify checks the chain and the signature, and lists the checkpoint", async () => {
    const registration = resultOf<{ owner: CosignRequest }>(await command('owner.register_message', { address: wallet.address })).owner;
    const registered = await command('owner.register', { address: wallet.address, nonce: registration.fields.nonce, signature: await wallet.sign(registration) });
    expect(codeOf(registered)).toBe('accepted');

    const message = resultOf<CosignRequest>(await command('audit.checkpoint_message'));
    signed = message;
    expect(message.fields.action).toBe('checkpoint');
    const [, entries, seq, hash] = /has (\d+) entries; the last, #(\d+), hashes to ([0-9a-f]{64})$/.exec(message.fields.summary) ?? [];
    expect(message.fields.digest).toBe(hash);
    const signature = await wallet.sign(message);
    const nonce = message.fields.nonce;
    // A stranger's signature, or the message moved to another entry: refused.
    expect(codeOf(await command('audit.checkpoint', { seq: Number(seq), nonce, signature: await solanaOwnerWallet().sign(message) }))).toBe('COSIGN__INVALID_SIGNATURE');
    expect(codeOf(await command('audit.checkpoint', { seq: Number(seq) - 1, nonce, signature }))).toBe('COSIGN__NONCE_UNKNOWN');
    checkpoint = resultOf<{ checkpoint: admin.AuditCheckpointReport }>(await command('audit.checkpoint', { seq: Number(seq), nonce, signature })).checkpoint;
    expect(checkpoint).toMatchObject({ seq: Number(seq), entryHash: hash, entries: Number(entries), owner: { chain: 'solana', address: wallet.address }, status: 'verified' });

    const verified = await home.cli('audit', 'verify', '--json');
    expect(verified.code, verified.stderr).toBe(0);
    const result = verified.json<admin.AuditVerifyResponse>();
    expect(result).toMatchObject({ status: 'ok', checkpoint: { seq: checkpoint.seq, entryHash: checkpoint.entryHash } });
    expect(result.checkpoints).toEqual([checkpoint]);
    expect(result.head?.seq).toBeGreaterThan(checkpoint.seq);

    const human = await home.cli('audit', 'verify');
    expect(human.stdout).toContain(`  checkpoint  seq ${checkpoint.seq}  ${checkpoint.entryHash}  verified: signed by the Owner ${wallet.address} (solana) at ${checkpoint.signedAt}\n`);
    expect(human.stdout).not.toContain('No checkpoint yet');
    const audited = (await home.cli('audit', 'list', '--action', 'audit.checkpoint', '--json')).json<{ entries: admin.AuditEntry[] }>().entries;
    expect(audited).toMatchObject([{ actor: `owner:${wallet.address}`, details: { seq: checkpoint.seq, entryHash: checkpoint.entryHash } }]);
  });

  describe('after someone holding the database file and the audit key rewrote it, while the signer was stopped', () => {
    const database = () => join(home.home, 'waiaas.db');
    let pristine: string;

    beforeAll(async () => {
      await signer?.stop();
      signer = undefined;
      pristine = join(home.home, '..', 'pristine-checkpoints.db');
      copyFileSync(database(), pristine);
    });

    /** Restores the untouched file, rewrites it with the append-only triggers dropped, and runs verify. */
    async function tamperAndVerify(rewrite: (db: Database.Database) => void) {
      for (const suffix of ['-wal', '-shm']) rmSync(`${database()}${suffix}`, { force: true });
      copyFileSync(pristine, database());
      const db = new Database(database());
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_checkpoints_no_delete;');
      rewrite(db);
      db.close();
      const running = await startSigner(home);
      try {
        return await home.cli('audit', 'verify', '--json');
      } finally {
        await running.stop();
      }
    }
    const broken = (r: { code: number | null; json: <T>() => T }) => {
      expect(r.code).toBe(1);
      return r.json<ErrorJson>().error;
    };

    it('a tail cut off before the checkpointed entry, the sequence rewound so no gap shows', async () => {
      const cut = checkpoint.seq - 2;
      const r = await tamperAndVerify((db) => {
        db.prepare('DELETE FROM audit_log WHERE seq > ?').run(cut);
        db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(cut);
      });
      // The restarted signer writes from cut + 1 on: entry checkpoint.seq exists again, as another entry.
      expect(broken(r)).toMatchObject({ code: 'AUDIT__CHECKPOINT_MISMATCH', context: { seq: checkpoint.seq, owner: wallet.address } });
    });

    it('a tail cut off before the checkpointed entry, the sequence left as it was', async () => {
      const cut = checkpoint.seq - 1;
      const r = await tamperAndVerify((db) => db.prepare('DELETE FROM audit_log WHERE seq > ?').run(cut));
      expect(broken(r)).toEqual({
        code: 'AUDIT__TRUNCATED',
        message: `The audit log no longer holds entry ${checkpoint.seq}, which the Owner ${wallet.address} signed in a checkpoint: the entries after entry ${cut} were removed.`,
        context: { seq: checkpoint.seq, afterSeq: cut, owner: wallet.address },
      });
    });

    it('the tail and the checkpoint rows deleted together: only the Owner, who knows what they signed, can tell', async () => {
      const r = await tamperAndVerify((db) => {
        db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(checkpoint.seq);
        db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(checkpoint.seq - 1);
        db.prepare('DELETE FROM audit_checkpoints').run();
      });
      expect(r.code).toBe(0);
      expect(r.json<admin.AuditVerifyResponse>()).toMatchObject({ status: 'ok', checkpoint: null, checkpoints: [] });
    });

    it('a forged checkpoint row, signed by someone else for the registered Owner', async () => {
      const stranger = await solanaOwnerWallet().sign(signed);
      const r = await tamperAndVerify((db) =>
        db
          .prepare(
            `INSERT INTO audit_checkpoints (seq, entry_hash, entries, nonce, issued_at, expires_at, owner_chain, owner_address, signature, signed_at)
             SELECT seq + 1, entry_hash, entries + 1, nonce || 'f', issued_at, expires_at, owner_chain, owner_address, ?, signed_at FROM audit_checkpoints`,
          )
          .run(stranger),
      );
      // A well-formed Ed25519 signature, by someone who is not the Owner, over another message.
      expect(broken(r)).toEqual({
        code: 'AUDIT__CHECKPOINT_INVALID',
        message: `The checkpoint of entry ${checkpoint.seq + 1} does not carry a valid signature of the Owner ${wallet.address}: it was forged or altered.`,
        context: { seq: checkpoint.seq + 1, afterSeq: null, owner: wallet.address },
      });
    });
  });
});
