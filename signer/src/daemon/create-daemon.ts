import type { Hono } from 'hono';
import { createMasterAuth } from '../admin/master-auth.js';
import { createAuditLog } from '../audit/audit-log.js';
import { createAuditStore } from '../audit/audit-store.js';
import { listAuditEntries } from '../audit/list-audit-entries.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import type { Config } from '../config/schema.js';
import type { Db } from '../db/open-database.js';
import type { Keystore } from '../keystore/index.js';
import type { Logger } from '../log/logger.js';
import { createAdminApp } from '../server/admin/admin-app.js';
import { createAgentApp } from '../server/agent/agent-app.js';
import { socketFetch } from '../server/listeners.js';
import { authenticateSession } from '../session/authenticate-session.js';
import { createSession } from '../session/create-session.js';
import { renewSession } from '../session/renew-session.js';
import { revokeSession } from '../session/revoke-session.js';
import { sessionPolicyFrom } from '../session/session-policy.js';
import { createSessionStore, toSession } from '../session/session-store.js';
import { createWallet } from '../wallet/create-wallet.js';
import { createWalletStore } from '../wallet/wallet-store.js';
import { walletAssets, walletBalance } from '../wallet/wallet-balance.js';
import { createChainRegistry } from '../chain/chain-registry.js';
import { createPipelineWorker, type PipelineWorker } from '../transaction/pipeline-worker.js';
import { cancelTransaction, getTransaction, listTransactions } from '../transaction/query-transactions.js';
import { sendTransaction } from '../transaction/send-transaction.js';
import { simulateTransaction } from '../transaction/simulate-transaction.js';
import { createTransactionStore } from '../transaction/transaction-store.js';
import { createReservationStore } from '../policy/reservation-store.js';
import { activateKillSwitch, recoverKillSwitch } from '../kill-switch/activate-kill-switch.js';
import { createKillSwitchStore } from '../kill-switch/kill-switch-store.js';
import { createAutoStop } from '../autostop/autostop.js';
import { WaiaasError } from '@waiaas/protocol';
import { sessionBudget } from '../policy/session-budget.js';
import { createPolicyStore } from '../policy/policy-store.js';
import { createFixedPriceSource } from '../price/fixed-price-source.js';
import { removePolicy, setPolicy } from '../policy/set-policy.js';

export interface DaemonServices {
  /** Unix socket: agent API plus /v1/admin. */
  socketApp: Hono['fetch'];
  /** Loopback TCP: agent API only. */
  tcpApp: Hono['fetch'];
  audit: ReturnType<typeof createAuditLog>;
  pipeline: PipelineWorker;
  /** Start-up: settles budget reservations left behind by a crash. */
  reconcile(): number;
}

/**
 * The one place services are constructed and wired together. Everything else receives what it
 * needs as arguments, so tests can build any piece on its own.
 */
export function createDaemon(opts: {
  config: Config;
  db: Db;
  keystore: Keystore;
  log: Logger;
  version: string;
  now?: () => number;
}): DaemonServices {
  const { config, db, keystore, log, version } = opts;
  const now = opts.now ?? Date.now;
  const auditKey = () => keystore.auditKey();
  const audit = createAuditLog(db, { auditKey, now });
  const auditStore = createAuditStore(db);
  const wallets = createWalletStore(db);
  const sessions = createSessionStore(db);
  const tokenKey = () => keystore.sessionTokenKey();
  const sessionDeps = { sessions, wallets, audit, tokenKey, now, policy: sessionPolicyFrom(config) };
  const transactions = createTransactionStore(db);
  const killSwitch = createKillSwitchStore(db);
  const autoStop = createAutoStop({
    db,
    wallets,
    transactions,
    audit,
    now,
    config: {
      consecutiveFailures: config.autostop.consecutive_failures,
      burstCount: config.autostop.burst_count,
      burstWindowMs: config.autostop.burst_window * 1000,
    },
  });
  const assertNotEngaged = () => {
    const { state, changedAt } = killSwitch.get();
    if (state !== 'ACTIVE') throw new WaiaasError('KILL_SWITCH__ENGAGED', { state, since: changedAt });
  };
  // An EVM nonce is the next after the highest this signer has signed and not yet seen settle,
  // or the chain's own count if that is higher; the pipeline signs one transaction per wallet at a time.
  const chains = createChainRegistry(config, (address, network, chainPending) =>
    Math.max(chainPending, (transactions.highestPendingNonce(address, network) ?? -1) + 1),
  );
  const pipeline = createPipelineWorker({
    transactions,
    wallets,
    keystore,
    chains,
    audit,
    log,
    now,
    maxAttempts: config.pipeline.max_attempts,
    retryBaseMs: config.pipeline.retry_base * 1000,
    confirmIntervalMs: config.pipeline.confirm_interval,
    halted: (walletId) => killSwitch.get().state !== 'ACTIVE' || autoStop.isSuspended(walletId),
    onFailed: (walletId) => autoStop.afterFailure(walletId),
  });
  const reservations = createReservationStore(db);
  const policies = createPolicyStore(db);
  const atomically = <T>(fn: () => T): T => db.transaction(fn).immediate();
  // Offline prices from [prices.fixed]; an entry without `at` counts as observed now, at start.
  const prices = { source: createFixedPriceSource(config.prices.fixed, now()), maxAgeMs: config.prices.max_age * 1000 };
  const txDeps = { transactions, wallets, chains, audit, reservations, policies, prices, autoStop, atomically, now, kick: pipeline.kick };

  const agentApp = createAgentApp({
    version,
    log,
    audit,
    wallets,
    maxBodyBytes: config.security.max_body_bytes,
    killSwitch,
    authenticate: (token) => authenticateSession(sessionDeps, token),
    renew: (caller, sessionId) => renewSession(sessionDeps, caller, sessionId),
    wallet: {
      balance: (session) => walletBalance(txDeps, session),
      assets: (session) => walletAssets(txDeps, session),
      budget: (session) => sessionBudget(txDeps, session),
      policies: (session) => ({ policies: policies.applicable(session.wallet_id) }),
    },
    transactions: {
      send: (session, request) => sendTransaction(txDeps, session, request),
      simulate: (session, request) => simulateTransaction(txDeps, session, request),
      get: (session, id) => getTransaction(transactions, session, id),
      list: (session, query) => listTransactions(transactions, session, query),
      cancel: (session, id) => cancelTransaction(txDeps, session, id),
    },
  });
  const adminApp = createAdminApp({
    log,
    audit,
    maxBodyBytes: config.security.max_body_bytes,
    masterAuth: createMasterAuth({
      verifyPassword: (password) => keystore.verifyPassword(password),
      audit,
      tokenTtlSeconds: config.security.admin_token_ttl,
      now,
    }),
    createWallet: (request) => createWallet(
        { wallets, keystore, audit, now, network: chains.network, setPolicy: (id, rule) => void policies.set(id, rule, now()) },
        request,
      ),
    listWallets: () => wallets.list(),
    resumeWallet: (wallet) => {
      autoStop.resume(wallet);
      return wallets.resolve(wallet);
    },
    createSession: (request) => {
      assertNotEngaged();
      return createSession(sessionDeps, request);
    },
    listSessions: ({ wallet, all }) =>
      sessions
        .list({ walletId: wallet ? wallets.resolve(wallet).id : undefined, activeAt: all ? undefined : now() })
        .map((row) => toSession(row, now())),
    revokeSession: (sessionId) => revokeSession(sessionDeps, sessionId),
    policies: {
      list: (wallet) => policies.list(wallet ? wallets.resolve(wallet).id : undefined),
      set: (request) => setPolicy({ policies, wallets, audit, now }, request),
      remove: (id) => removePolicy({ policies, audit }, id),
    },
    killSwitch: {
      status: () => killSwitch.get(),
      activate: (reason) => activateKillSwitch({ db, killSwitch, transactions, audit, now }, { actor: 'master', reason }),
      recover: () => recoverKillSwitch({ killSwitch, audit, now }, 'master'),
    },
    listAudit: (query) => listAuditEntries({ store: auditStore, wallets }, query),
    // No checkpoint yet: Owner-signed checkpoints (a later issue) get passed here.
    verifyAudit: () => verifyAuditChain(auditStore, auditKey()),
  });
  return { socketApp: socketFetch(agentApp.fetch, adminApp.fetch), tcpApp: agentApp.fetch, audit, pipeline, reconcile: () => reservations.reconcile(now()) };
}
