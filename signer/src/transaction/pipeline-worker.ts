import { WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import type { ChainRegistry } from '../chain/chain-registry.js';
import type { SignedTransaction } from '../chain/chain-adapter.js';
import type { Keystore } from '../keystore/index.js';
import type { Logger } from '../log/logger.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import { createKeyedMutex } from './keyed-mutex.js';
import { toIntent } from './to-intent.js';
import type { StageUpdate, TransactionRow, TransactionStore } from './transaction-store.js';

export interface PipelineWorkerDeps {
  transactions: TransactionStore;
  wallets: WalletStore;
  keystore: Keystore;
  chains: ChainRegistry;
  audit: AuditLog;
  log: Logger;
  now: () => number;
  maxAttempts: number;
  retryBaseMs: number;
  confirmIntervalMs: number;
  /** True while the kill switch is engaged or the wallet is suspended: nothing is signed or sent, confirmations go on. */
  halted: (walletId: string) => boolean;
  /** Told of every transaction that ends FAILED (AutoStop counts them). */
  onFailed: (walletId: string) => void;
  /** Runs on every poll, before due work is picked up: approvals whose time is up expire here. */
  sweep: () => void;
  /** Throws unless an APPROVAL-tier transaction was approved for exactly this content digest. */
  assertApproved: (transactionId: string, contentDigest: string) => void;
}

export interface PipelineWorker {
  kick(id: string): void;
  start(): void;
  /** Stops picking up work and waits for the stages in progress; their results are persisted. */
  stop(): Promise<void>;
}

/**
 * Drives each transaction from its last persisted stage: QUEUED (cooldown over) → PENDING → (build, sign) SIGNED →
 * (submit) SUBMITTED → (confirm) CONFIRMED. A stage writes its result before the next starts, so
 * after a restart a SIGNED transaction is re-sent with the same bytes, never signed again.
 */
export function createPipelineWorker(deps: PipelineWorkerDeps): PipelineWorker {
  const running = new Map<string, Promise<void>>();
  const walletLock = createKeyedMutex();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = (id: string) => {
    if (stopped || running.has(id)) return;
    const task = step(id)
      .catch((error: unknown) => deps.log.error('pipeline step crashed', { transactionId: id, error: String(error) }))
      .finally(() => running.delete(id));
    running.set(id, task);
  };

  /** Runs stages until the transaction waits (backoff, confirmation) or ends. */
  async function step(id: string): Promise<void> {
    for (;;) {
      const row = deps.transactions.get(id);
      if (!row || row.next_attempt_at > deps.now()) return;
      const next = await attempt(row);
      if (!next) return;
    }
  }

  /** One stage; true when the next stage can run right away. */
  async function attempt(row: TransactionRow): Promise<boolean> {
    if (deps.halted(row.wallet_id) && (row.status === 'QUEUED' || row.status === 'PENDING' || row.status === 'SIGNED')) return false;
    try {
      switch (row.status) {
        case 'QUEUED':
          // A DELAY transaction whose cooldown is over, and that nobody cancelled, goes ahead.
          if ((row.execute_at ?? 0) > deps.now()) return false;
          return deps.transactions.advance(row.id, 'QUEUED', { status: 'PENDING', next_attempt_at: 0 }, deps.now());
        case 'PENDING':
          return await signStage(row);
        case 'SIGNED':
          return await submitStage(row);
        case 'SUBMITTED':
          return await confirmStage(row);
        default:
          return false;
      }
    } catch (error) {
      return handleFailure(row, error);
    }
  }

  async function signStage(row: TransactionRow): Promise<boolean> {
    const wallet = deps.wallets.findById(row.wallet_id);
    if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: row.wallet_id });
    const adapter = deps.chains.adapter(row.network);
    // Per wallet, so EVM nonces are handed out and persisted in order.
    return walletLock(wallet.id, async () => {
      const unsigned = await adapter.build(wallet.address, toIntent(JSON.parse(row.intent)));
      if (row.content_digest && unsigned.contentDigest !== row.content_digest) {
        throw new WaiaasError('CHAIN__INVALID_CALL', { reason: 'the rebuilt transaction differs from the accepted request' });
      }
      // Checked again right before the key signs: an approval binds to content, not to an id.
      if (row.tier === 'APPROVAL') deps.assertApproved(row.id, unsigned.contentDigest);
      const signed = await adapter.sign(unsigned, deps.keystore.signerFor(wallet.id));
      const moved = deps.transactions.advance(
        row.id,
        'PENDING',
        { status: 'SIGNED', signed: JSON.stringify(signed), hash: signed.hash, nonce: signed.validity.nonce ?? null, content_digest: unsigned.contentDigest, attempts: 0, next_attempt_at: 0 },
        deps.now(),
      );
      if (moved) deps.audit.record({ actor: 'system', action: 'transaction.signed', walletId: wallet.id, details: { transactionId: row.id, hash: signed.hash } });
      return moved;
    });
  }

  async function submitStage(row: TransactionRow): Promise<boolean> {
    await deps.chains.adapter(row.network).submit(signedOf(row));
    return deps.transactions.advance(row.id, 'SIGNED', { status: 'SUBMITTED', attempts: 0, next_attempt_at: 0 }, deps.now());
  }

  async function confirmStage(row: TransactionRow): Promise<boolean> {
    const adapter = deps.chains.adapter(row.network);
    const signed = signedOf(row);
    const result = await adapter.confirm(signed);
    const now = deps.now();
    switch (result.status) {
      case 'confirmed':
        finish(row, 'CONFIRMED', {});
        return false;
      case 'failed':
        finish(row, 'FAILED', errorColumns(new WaiaasError('CHAIN__TRANSACTION_FAILED', { hash: signed.hash, reason: result.reason })));
        return false;
      case 'expired':
        if (row.nonce !== null) {
          const reason = `its nonce ${row.nonce} was used by another transaction`;
          finish(row, 'FAILED', errorColumns(new WaiaasError('CHAIN__TRANSACTION_FAILED', { hash: signed.hash, reason })));
          return false;
        }
        // Solana: the blockhash expired without the transaction landing, so it never can: rebuild.
        return deps.transactions.advance(row.id, 'SUBMITTED', { status: 'PENDING', signed: null, hash: null, next_attempt_at: 0 }, now);
      case 'pending':
        // Re-broadcasting the same bytes is harmless and helps a dropped transaction land.
        await adapter.submit(signed).catch(() => undefined);
        deps.transactions.advance(row.id, 'SUBMITTED', { next_attempt_at: now + deps.confirmIntervalMs }, now);
        return false;
    }
  }

  function finish(row: TransactionRow, status: 'CONFIRMED' | 'FAILED', update: StageUpdate) {
    if (deps.transactions.advance(row.id, row.status, { status, ...update }, deps.now())) {
      deps.audit.record({ actor: 'system', action: `transaction.${status.toLowerCase()}`, walletId: row.wallet_id, details: { transactionId: row.id, hash: row.hash, code: update.error_code ?? null } });
      if (status === 'FAILED') deps.onFailed(row.wallet_id);
    }
  }

  function handleFailure(row: TransactionRow, error: unknown): boolean {
    const coded = error instanceof WaiaasError ? error : undefined;
    if (!coded) deps.log.error('pipeline stage failed unexpectedly', { transactionId: row.id, error: String(error) });
    const code = coded?.code;
    const stale = code === 'CHAIN__BLOCKHASH_EXPIRED' || code === 'CHAIN__NONCE_TOO_LOW';
    if (stale && row.status !== 'PENDING') {
      // The chain refused these bytes for good (expired blockhash, nonce taken): build afresh.
      return deps.transactions.advance(row.id, row.status, { status: 'PENDING', signed: null, hash: null, nonce: null, next_attempt_at: 0 }, deps.now());
    }
    if ((code === 'CHAIN__RPC_UNAVAILABLE' || stale) && row.attempts + 1 < deps.maxAttempts) {
      const delay = deps.retryBaseMs * 2 ** row.attempts;
      deps.transactions.advance(row.id, row.status, { attempts: row.attempts + 1, next_attempt_at: deps.now() + delay }, deps.now());
      return false;
    }
    const failure = coded ?? new WaiaasError('INTERNAL__UNEXPECTED', { reference: row.id });
    finish(row, 'FAILED', { ...errorColumns(failure), attempts: row.attempts + 1 });
    return false;
  }

  const poll = () => {
    try {
      deps.sweep();
    } catch (error) {
      deps.log.error('pipeline sweep failed', { error: String(error) });
    }
    for (const row of deps.transactions.unfinished(deps.now())) run(row.id);
  };

  return {
    kick: run,
    start() {
      poll();
      timer = setInterval(poll, Math.min(deps.confirmIntervalMs, 1000));
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}

const signedOf = (row: TransactionRow): SignedTransaction => JSON.parse(row.signed ?? 'null') as SignedTransaction;
const errorColumns = (error: WaiaasError): StageUpdate => ({ error_code: error.code, error_message: error.message });
