import type { Hono } from 'hono';
import { createMasterAuth } from '../admin/master-auth.js';
import { createAuditLog } from '../audit/audit-log.js';
import { createAuditStore } from '../audit/audit-store.js';
import { listAuditEntries } from '../audit/list-audit-entries.js';
import { verifyAuditLog } from '../audit/verify-audit-log.js';
import { createCheckpointStore } from '../audit/checkpoint-store.js';
import { checkpointChallenge, signCheckpoint } from '../audit/sign-checkpoint.js';
import type { Config } from '../config/schema.js';
import type { Db } from '../db/open-database.js';
import type { Keystore } from '../keystore/index.js';
import type { Logger } from '../log/logger.js';
import { createAdminApp } from '../server/admin/admin-app.js';
import { createAgentApp } from '../server/agent/agent-app.js';
import { socketFetch, tcpFetch } from '../server/listeners.js';
import { createOwnerAdmin } from '../owner-channel/owner-admin.js';
import { createOwnerApp } from '../owner-channel/owner-app.js';
import { createOwnerChannel, type OwnerChannel } from '../owner-channel/owner-channel.js';
import { createOwnerCommands } from '../owner-channel/owner-commands.js';
import { createOwnerDeviceStore } from '../owner-channel/owner-device-store.js';
import { createOwnerEventStore } from '../owner-channel/owner-event-store.js';
import { createOwnerEvents } from '../owner-channel/owner-events.js';
import { ownerSnapshot } from '../owner-channel/owner-snapshot.js';
import { observeKillSwitch, observeSessions, observeTransactions } from '../owner-channel/observe-stores.js';
import { pairDevice } from '../owner-channel/pair-device.js';
import { createPairingCodes } from '../owner-channel/pairing-codes.js';
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
import { createApprovalStore } from '../approval/approval-store.js';
import { createApprovals } from '../approval/create-approvals.js';
import { simulateStored } from '../approval/simulate-stored.js';
import { observeApprovalOutcomes } from '../approval/observe-approval-outcomes.js';
import { ownerStatus, removeOwner, setOwner } from '../owner/set-owner.js';
import { registerOwner, registerOwnerChallenge } from '../owner/register-owner.js';
import { createCosignNonces } from '../owner/cosign-nonces.js';
import { createOwnerStore } from '../owner/owner-store.js';
import { signerIdentityOf } from '../owner/signer-identity.js';
import { cancelTransaction, getTransaction, listTransactions } from '../transaction/query-transactions.js';
import { sendTransaction } from '../transaction/send-transaction.js';
import { simulateTransaction } from '../transaction/simulate-transaction.js';
import { createTransactionStore } from '../transaction/transaction-store.js';
import { createReservationStore } from '../policy/reservation-store.js';
import { activateKillSwitch } from '../kill-switch/activate-kill-switch.js';
import { recoverChallenge, recoverKillSwitch } from '../kill-switch/recover-kill-switch.js';
import { changePolicy, policyChangeMessage } from '../owner/change-policy.js';
import { createKillSwitchStore } from '../kill-switch/kill-switch-store.js';
import { createAutoStop } from '../autostop/autostop.js';
import { WaiaasError } from '@waiaas/protocol';
import { sessionBudget, sessionSpent } from '../policy/session-budget.js';
import { createPolicyStore } from '../policy/policy-store.js';
import { createPriceSource } from '../price/create-price-source.js';
import { canPriceNative } from '../policy/default-policy.js';
import { removePolicy, setPolicy } from '../policy/set-policy.js';
import { createSignatureCount } from '../signing/count-signatures.js';
import { signMessage } from '../signing/sign-message.js';
import { signTypedData } from '../signing/sign-typed-data.js';
import { listPolicies } from '../policy/list-policies.js';
import { createNotifier, type Notifier } from '../notify/create-notifier.js';
import { createNotificationStore } from '../notify/notification-store.js';
import { createNotifyChannels } from '../notify/notify-channels.js';

/** Owner events kept for devices to catch up on; one further behind gets a snapshot. */
const OWNER_EVENTS_KEPT = 5000;

export interface DaemonServices {
  /** Unix socket: agent API plus /v1/admin. */
  socketApp: Hono['fetch'];
  /** Loopback TCP: agent API only. */
  tcpApp: Hono['fetch'];
  /** The Owner channel's WebSocket, upgraded on the TCP listener only. */
  ownerChannel: OwnerChannel;
  audit: ReturnType<typeof createAuditLog>;
  pipeline: PipelineWorker;
  /** Sends approvals and kill-switch events to ntfy / a webhook while no paired device is connected. */
  notifier: Notifier;
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
  // Events for the Owner's devices, published from the stores every change goes through.
  const ownerEvents = createOwnerEvents({ store: createOwnerEventStore(db, OWNER_EVENTS_KEPT), now, log });
  const sessions = observeSessions(createSessionStore(db), ownerEvents.publish);
  const tokenKey = () => keystore.sessionTokenKey();
  const reservations = createReservationStore(db);
  // What every view of a session reports as spent: the sum its limits are checked against.
  const sessionSpentOf = (sessionId: string) => sessionSpent(reservations, sessionId);
  const sessionDeps = { sessions, wallets, audit, tokenKey, now, policy: sessionPolicyFrom(config), spentOf: sessionSpentOf };
  const approvalStore = createApprovalStore(db);
  const transactions = observeApprovalOutcomes(observeTransactions(createTransactionStore(db), ownerEvents.publish), approvalStore, ownerEvents.publish);
  const killSwitch = observeKillSwitch(createKillSwitchStore(db), ownerEvents.publish);
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
    assertApproved: (id, digest) => approvals.assertApproved(id, digest),
    sweep: () => void approvals.expireDue(),
  });
  const policies = createPolicyStore(db);
  const atomically = <T>(fn: () => T): T => db.transaction(fn).immediate();
  // [prices.fixed] (an entry without `at` counts as observed now, at start), then the configured provider.
  const prices = { source: createPriceSource(config.prices, { startedAt: now(), now, log }), maxAgeMs: config.prices.max_age * 1000 };
  const owner = createOwnerStore(db);
  const signerIdentity = () => signerIdentityOf(keystore.identity().publicKey);
  // What every Owner-signed action needs: the Owner, the nonces the signer issued, the audit log.
  const ownerActions = { owner, nonces: createCosignNonces(db), audit, signerIdentity, atomically, now };
  const recoverDeps = { ...ownerActions, killSwitch };
  // The chain held to every Owner-signed checkpoint; the Owner signs only the head of an intact log.
  const auditCheckpoints = createCheckpointStore(db);
  const verifyAudit = () => verifyAuditLog({ store: auditStore, checkpoints: auditCheckpoints, auditKey, signerIdentity });
  const checkpointDeps = { ...ownerActions, store: auditStore, checkpoints: auditCheckpoints, verify: verifyAudit };
  const approvals = createApprovals({
    ...ownerActions,
    approvals: approvalStore,
    transactions,
    wallets,
    kick: (id) => pipeline.kick(id),
    usdValueOf: (id) => reservations.transactionUsd(id),
    sessionBudgetOf: (sessionId) => {
      const session = sessions.get(sessionId);
      const limit = session && sessionBudget(txDeps, session).limits[0];
      return limit ? { maxTotal: limit.maxTotal, used: limit.used, remaining: limit.remaining } : null;
    },
    policiesFor: (walletId, sessionId) => policies.applicable(walletId, sessionId ?? undefined),
    simulate: (id) => simulateStored({ transactions, wallets, chains }, id),
    ttlMs: config.owner.approval_timeout * 1000,
    settleMs: config.owner.approval_settle * 1000,
    publish: ownerEvents.publish,
  });
  const txDeps = {
    transactions, wallets, chains, audit, reservations, policies, prices, autoStop, atomically, now, kick: pipeline.kick, owner,
    openApproval: (tx: { id: string; contentDigest: string; ttlSeconds?: number }, at: number) => approvals.open(tx, at),
    announceApproval: (id: string) => approvals.announce(id),
  };

  const signatureCount = createSignatureCount(db);
  const signingDeps = {
    wallets,
    keystore,
    policies,
    autoStop,
    audit,
    now,
    // RATE_LIMIT counts a wallet's signatures beside its transactions.
    requestsSince: (walletId: string, since: number) => transactions.countSince(walletId, since) + signatureCount(walletId, since),
  };
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
      policies: (session) => ({ policies: policies.applicable(session.wallet_id, session.id) }),
    },
    transactions: {
      send: (session, request) => sendTransaction(txDeps, session, request),
      simulate: (session, request) => simulateTransaction(txDeps, session, request),
      get: (session, id) => getTransaction(transactions, session, id),
      list: (session, query) => listTransactions(transactions, session, query),
      cancel: (session, id) => cancelTransaction(txDeps, session, id),
    },
    signing: {
      signMessage: (session, request) => signMessage(signingDeps, session, request),
      signTypedData: (session, request) => signTypedData(signingDeps, session, request),
    },
  });
  // One master login for the admin API and the Owner channel's recovery: one lockout for both.
  const masterAuth = createMasterAuth({
    verifyPassword: (password) => keystore.verifyPassword(password),
    audit,
    tokenTtlSeconds: config.security.admin_token_ttl,
    now,
  });
  const ownerDevices = createOwnerDeviceStore(db);
  const pairingCodes = createPairingCodes(now);
  const identity = () => keystore.identity();
  const ownerChannel = createOwnerChannel({
    devices: ownerDevices,
    identity,
    events: ownerEvents,
    commands: createOwnerCommands({
      sessions,
      sessionSpent: sessionSpentOf,
      transactions,
      activateKillSwitch: (actor, reason) => activateKillSwitch({ db, killSwitch, transactions, audit, now }, { actor, reason }),
      approvals,
      ownerStatus: () => ownerStatus(owner),
      registerMessage: (address) => registerOwnerChallenge(ownerActions, address),
      register: async (answer) => {
        await registerOwner(ownerActions, answer);
        return ownerStatus(owner);
      },
      recoverMessage: () => recoverChallenge(recoverDeps),
      recover: async (password, proof, actor) => {
        await masterAuth.login(password);
        return recoverKillSwitch(recoverDeps, { actor, proof });
      },
      listPolicies: (filter) => listPolicies({ policies, wallets, sessions }, filter),
      policyChangeMessage: (change) => policyChangeMessage({ ...ownerActions, policies, wallets, sessions }, change),
      changePolicy: (answer) => changePolicy({ ...ownerActions, policies, wallets, sessions }, answer),
      checkpointMessage: () => checkpointChallenge(checkpointDeps),
      checkpoint: (answer) => signCheckpoint(checkpointDeps, answer),
      audit,
      now,
    }),
    snapshot: () => ownerSnapshot({ killSwitch, sessions, sessionSpent: sessionSpentOf, transactions, wallets, approvals, now }),
    audit,
    log,
    now,
  });
  const notifier = createNotifier({
    events: ownerEvents,
    store: createNotificationStore(db),
    channels: createNotifyChannels(config.notify, now),
    deviceConnected: () => ownerChannel.deviceConnected(),
    audit,
    log,
    now,
    maxAttempts: config.notify.max_attempts,
    retryBaseMs: config.notify.retry_base * 1000,
  });
  const ownerApp = createOwnerApp({
    log,
    maxBodyBytes: config.security.max_body_bytes,
    pair: (request, origin) => pairDevice({ codes: pairingCodes, devices: ownerDevices, identity, audit, now }, request, origin),
  });
  const adminApp = createAdminApp({
    pairing: createOwnerAdmin({
      codes: pairingCodes,
      devices: ownerDevices,
      identity,
      disconnect: (deviceId) => ownerChannel.closeDevice(deviceId),
      audit,
      now,
      address: `http://${config.daemon.hostname}:${config.daemon.port}`,
    }),
    log,
    audit,
    maxBodyBytes: config.security.max_body_bytes,
    masterAuth,
    createWallet: (request) => createWallet(
        {
          wallets, keystore, audit, now, network: chains.network, setPolicy: (id, rule) => void policies.set(id, rule, now()),
          canPriceNative: (chain) => canPriceNative(config.prices, chain),
        },
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
        .map((row) => toSession(row, now(), sessionSpentOf(row.id))),
    revokeSession: (sessionId) => revokeSession(sessionDeps, sessionId),
    policies: {
      list: (filter) => listPolicies({ policies, wallets, sessions }, filter),
      set: (request) => setPolicy({ policies, wallets, sessions, audit, now }, request),
      remove: (id) => removePolicy({ policies, audit }, id),
    },
    killSwitch: {
      status: () => killSwitch.get(),
      activate: (reason) => activateKillSwitch({ db, killSwitch, transactions, audit, now }, { actor: 'master', reason }),
      recover: (proof) => recoverKillSwitch(recoverDeps, { actor: 'master', proof }),
      recoverMessage: () => recoverChallenge(recoverDeps),
    },
    listAudit: (query) => listAuditEntries({ store: auditStore, wallets }, query),
    verifyAudit,
    owner: {
      status: () => ownerStatus(owner),
      set: (address) => setOwner({ owner, audit, atomically, now }, address),
      remove: () => removeOwner({ owner, audit, atomically, now }),
      approvals: () => approvals.pending(),
      answer: (approvalId, action, signature) => approvals.answer(approvalId, action, signature, 'admin'),
    },
  });
  return { socketApp: socketFetch(agentApp.fetch, adminApp.fetch), tcpApp: tcpFetch(agentApp.fetch, ownerApp.fetch), ownerChannel, audit, pipeline, notifier, reconcile: () => reservations.reconcile(now()) };
}
