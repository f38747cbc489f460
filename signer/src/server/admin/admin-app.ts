import { type admin, adminRoutes, type CosignRequest, type Policy, type SetPolicyRequest } from '@waiaas/protocol';
import { Hono } from 'hono';
import type { MasterAuth } from '../../admin/master-auth.js';
import type { Logger } from '../../log/logger.js';
import { adminAudit } from '../middleware/admin-audit.js';
import { adminAuth } from '../middleware/admin-auth.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { createErrorHandler, notFound } from '../middleware/error-handler.js';
import { hostGuard } from '../middleware/host-guard.js';
import { originGuard } from '../middleware/origin-guard.js';
import { mountRoute } from '../mount-route.js';
import { mountOwnerRoutes, type OwnerAdmin } from './mount-owner-routes.js';
import { mountPairingRoutes, type PairingAdmin } from '../../owner-channel/mount-pairing-routes.js';

export interface AdminAppDeps {
  maxBodyBytes: number;
  log: Logger;
  masterAuth: MasterAuth;
  audit: AuditLog;
  createWallet: (request: admin.CreateWalletRequest) => Promise<admin.Wallet>;
  listWallets: () => admin.Wallet[];
  resumeWallet: (wallet: string) => admin.Wallet;
  createSession: (request: admin.CreateSessionRequest) => Promise<{ session: admin.Session; token: string }>;
  listSessions: (filter: { wallet?: string; all: boolean }) => admin.Session[];
  revokeSession: (sessionId: string) => admin.Session;
  policies: {
    /** With a session: the rules that apply to it (global, its wallet's, its own). */
    list(filter: { wallet?: string; session?: string }): Policy[];
    set(request: SetPolicyRequest): Policy;
    remove(id: string): Policy;
  };
  killSwitch: {
    status(): admin.KillSwitchStatus;
    activate(reason: string | null): admin.ActivateKillSwitchResponse;
    recover(proof: { nonce: string; signature: string } | undefined): Promise<admin.KillSwitchStatus>;
    recoverMessage(): CosignRequest;
  };
  listAudit: (query: admin.ListAuditQuery) => admin.AuditEntry[];
  /** Async: checking the Owner's signatures on the checkpoints. */
  verifyAudit: () => Promise<admin.AuditVerifyResponse>;
  owner: OwnerAdmin;
  /** Pairing the Owner's browser (the Owner channel's devices). */
  pairing: PairingAdmin;
}

/**
 * The admin API, for the CLI. Mounted only on the unix socket (0600, in a 0700 home), never on
 * TCP; and even there every route but the login wants a token from the master password.
 */
export function createAdminApp(deps: AdminAppDeps): Hono {
  const app = new Hono();
  app.onError(createErrorHandler(deps.log));
  app.notFound(notFound);
  app.use('*', hostGuard(), originGuard(), bodyLimit(deps.maxBodyBytes), adminAuth(deps.masterAuth), adminAudit(deps.audit));

  mountRoute(app, adminRoutes.auth, ({ body }) => deps.masterAuth.login(body.password));
  mountRoute(app, adminRoutes.createWallet, async ({ body }) => ({ wallet: await deps.createWallet(body) }));
  mountRoute(app, adminRoutes.listWallets, () => ({ wallets: deps.listWallets() }));
  mountRoute(app, adminRoutes.resumeWallet, ({ params }) => ({ wallet: deps.resumeWallet(params.id) }));
  mountRoute(app, adminRoutes.createSession, ({ body }) => deps.createSession(body));
  mountRoute(app, adminRoutes.listSessions, ({ query }) => ({
    sessions: deps.listSessions({ wallet: query.wallet, all: query.all === 'true' }),
  }));
  mountRoute(app, adminRoutes.revokeSession, ({ params }) => ({ session: deps.revokeSession(params.id) }));
  mountRoute(app, adminRoutes.listPolicies, ({ query }) => ({ policies: deps.policies.list(query) }));
  mountRoute(app, adminRoutes.setPolicy, ({ body }) => ({ policy: deps.policies.set(body) }));
  mountRoute(app, adminRoutes.removePolicy, ({ params }) => ({ policy: deps.policies.remove(params.id) }));
  mountRoute(app, adminRoutes.killSwitchStatus, () => deps.killSwitch.status());
  mountRoute(app, adminRoutes.activateKillSwitch, ({ body }) => deps.killSwitch.activate(body.reason ?? null));
  mountRoute(app, adminRoutes.recoverKillSwitch, async ({ body }) => ({
    killSwitch: await deps.killSwitch.recover(body.nonce && body.signature ? { nonce: body.nonce, signature: body.signature } : undefined),
  }));
  mountRoute(app, adminRoutes.recoverKillSwitchMessage, () => deps.killSwitch.recoverMessage());
  mountRoute(app, adminRoutes.listAudit, ({ query }) => ({ entries: deps.listAudit(query) }));
  mountRoute(app, adminRoutes.verifyAudit, () => deps.verifyAudit());
  mountOwnerRoutes(app, deps.owner);
  mountPairingRoutes(app, deps.pairing);
  return app;
}
