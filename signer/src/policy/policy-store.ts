import { type Policy, PolicyRule } from '@waiaas/protocol';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/open-database.js';

interface PolicyRow {
  id: string;
  scope: Policy['scope'];
  wallet_id: string | null;
  session_id: string | null;
  type: string;
  rule: string;
  created_at: number;
  updated_at: number;
}

const toPolicy = (row: PolicyRow): Policy => ({
  id: row.id,
  scope: row.scope,
  walletId: row.wallet_id,
  sessionId: row.session_id,
  // Parsed on the way out too: a row edited by hand that no longer fits is an error, not a guess.
  rule: PolicyRule.parse(JSON.parse(row.rule)),
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

const lowerIfEvm = (address: string) => (address.startsWith('0x') ? address.toLowerCase() : address);

/** Spending limits are one per asset and approve caps one per token; EVM addresses compare without case. */
const ruleKey = (rule: PolicyRule) => {
  if (rule.type === 'SPENDING_LIMIT') return lowerIfEvm(rule.asset);
  if (rule.type === 'APPROVE_CAP') return rule.token ? lowerIfEvm(rule.token) : '';
  // Rolling limits are one per asset (or USD) and window: a daily and a monthly cap may both hold.
  if (rule.type === 'ROLLING_LIMIT') return `${lowerIfEvm(rule.asset)}:${rule.window}`;
  return '';
};

export interface PolicyStore {
  /** The rules that apply to a request: global ones, the wallet's, and the requesting session's own. */
  applicable(walletId: string, sessionId?: string): Policy[];
  /** All rules; with a wallet, the global ones and those of the wallet and of its sessions. */
  list(walletId?: string): Policy[];
  get(id: string): Policy | undefined;
  /**
   * One rule per type per scope (per asset for spending limits): setting it again replaces it.
   * A session rule (`sessionId`) also names the session's wallet.
   */
  set(walletId: string | null, rule: PolicyRule, now: number, sessionId?: string): Policy;
  remove(id: string): boolean;
}

export function createPolicyStore(db: Db): PolicyStore {
  // Session rules carry their wallet's id too, so "the wallet's rules" must name the scope: a rule
  // of one session never applies to another session of the same wallet.
  const applicable = db.prepare<[string, string | null], PolicyRow>(
    `SELECT * FROM policies WHERE enabled = 1 AND (scope = 'global' OR (scope = 'wallet' AND wallet_id = ?)
       OR (scope = 'session' AND session_id = ?)) ORDER BY scope, type, created_at`,
  );
  const ofWallet = db.prepare<[string], PolicyRow>(
    `SELECT * FROM policies WHERE enabled = 1 AND (wallet_id IS NULL OR wallet_id = ?) ORDER BY scope, session_id, type, created_at`,
  );
  return {
    applicable: (walletId, sessionId) => applicable.all(walletId, sessionId ?? null).map(toPolicy),
    list: (walletId) =>
      (walletId
        ? ofWallet.all(walletId)
        : db.prepare<[], PolicyRow>('SELECT * FROM policies WHERE enabled = 1 ORDER BY scope, wallet_id, session_id, type').all()
      ).map(toPolicy),
    get(id) {
      const row = db.prepare<[string], PolicyRow>('SELECT * FROM policies WHERE id = ?').get(id);
      return row && toPolicy(row);
    },
    set(walletId, rule, now, sessionId) {
      const scope = sessionId ? 'session' : walletId ? 'wallet' : 'global';
      const key = ruleKey(rule);
      const session = sessionId ?? null;
      db.prepare(
        `INSERT INTO policies (id, scope, wallet_id, session_id, type, rule_key, rule, enabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (scope, ifnull(wallet_id, ''), ifnull(session_id, ''), type, rule_key)
         DO UPDATE SET rule = excluded.rule, updated_at = excluded.updated_at`,
      ).run(uuidv7(), scope, walletId, session, rule.type, key, JSON.stringify(rule), now, now);
      const row = db
        .prepare<[string, string | null, string | null, string, string], PolicyRow>(
          `SELECT * FROM policies WHERE scope = ? AND ifnull(wallet_id, '') = ifnull(?, '') AND ifnull(session_id, '') = ifnull(?, '')
           AND type = ? AND rule_key = ?`,
        )
        .get(scope, walletId, session, rule.type, key);
      if (!row) throw new Error('policy row vanished right after upsert');
      return toPolicy(row);
    },
    remove: (id) => db.prepare('DELETE FROM policies WHERE id = ?').run(id).changes === 1,
  };
}
