import { AGENT_API_VERSION, agentRoutes, buildOpenApiDocument, WaiaasError } from '@waiaas/protocol';
import { Hono } from 'hono';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Logger } from '../../log/logger.js';
import type { AuthenticatedSession } from '../../session/authenticate-session.js';
import type { SessionRow } from '../../session/session-store.js';
import type { agent, Policy } from '@waiaas/protocol';
import type { WalletStore } from '../../wallet/wallet-store.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { createErrorHandler, notFound } from '../middleware/error-handler.js';
import { hostGuard } from '../middleware/host-guard.js';
import { killSwitchGuard } from '../middleware/kill-switch-guard.js';
import type { KillSwitchStore } from '../../kill-switch/kill-switch-store.js';
import { originGuard } from '../middleware/origin-guard.js';
import { type SessionEnv, sessionAuth } from '../middleware/session-auth.js';
import { mountRoute } from '../mount-route.js';

export interface AgentAppDeps {
  version: string;
  maxBodyBytes: number;
  log: Logger;
  audit: AuditLog;
  wallets: WalletStore;
  killSwitch: Pick<KillSwitchStore, 'get'>;
  authenticate: (token: string) => Promise<AuthenticatedSession>;
  renew: (caller: AuthenticatedSession, sessionId: string) => Promise<agent.SessionRenewResponse>;
  wallet: {
    balance(session: SessionRow): Promise<agent.BalanceResponse>;
    assets(session: SessionRow): Promise<agent.AssetsResponse>;
    budget(session: SessionRow): agent.BudgetResponse;
    policies(session: SessionRow): { policies: Policy[] };
  };
  transactions: {
    send(session: SessionRow, request: agent.SendTransactionRequest): Promise<agent.SendTransactionResponse>;
    simulate(session: SessionRow, request: agent.SendTransactionRequest): Promise<agent.SimulateTransactionResponse>;
    get(session: SessionRow, id: string): agent.Transaction;
    list(
      session: SessionRow,
      query: { status?: agent.TransactionStatus; cursor?: string; limit?: number },
    ): agent.ListTransactionsResponse;
    cancel(session: SessionRow, id: string): agent.Transaction;
  };
  /** Off-chain signing, judged by ALLOWED_SIGNING policies (refused by default). */
  signing: {
    signMessage(session: SessionRow, request: agent.SignMessageRequest): Promise<agent.SignatureResponse>;
    signTypedData(session: SessionRow, request: agent.SignTypedDataRequest): Promise<agent.SignatureResponse>;
  };
}

/**
 * The untrusted agent API, served on the unix socket and on loopback TCP. Guards run before
 * routing, so even a path that matches nothing is refused without a token.
 */
export function createAgentApp(deps: AgentAppDeps): Hono<SessionEnv> {
  const app = new Hono<SessionEnv>();
  app.onError(createErrorHandler(deps.log));
  app.notFound(notFound);
  app.use('*', hostGuard(), originGuard(), bodyLimit(deps.maxBodyBytes));
  app.use('*', killSwitchGuard(deps.killSwitch), sessionAuth({ authenticate: deps.authenticate, audit: deps.audit }));

  const openApi = buildOpenApiDocument(
    { title: 'WAIaaS agent API', version: AGENT_API_VERSION, description: 'The API AI agents use to reach their wallet.' },
    Object.values(agentRoutes),
  );

  mountRoute(app, agentRoutes.health, () => ({ status: 'ok' as const, version: deps.version, agentApiVersion: AGENT_API_VERSION }));
  mountRoute(app, agentRoutes.walletAddress, (_input, c) => {
    const { wallet_id } = c.get('session').row;
    const wallet = deps.wallets.findById(wallet_id);
    if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: wallet_id });
    return { walletId: wallet.id, name: wallet.name, chain: wallet.chain, network: wallet.network, address: wallet.address };
  });
  mountRoute(app, agentRoutes.renewSession, ({ params }, c) => deps.renew(c.get('session'), params.id));
  mountRoute(app, agentRoutes.walletBalance, (_input, c) => deps.wallet.balance(c.get('session').row));
  mountRoute(app, agentRoutes.walletAssets, (_input, c) => deps.wallet.assets(c.get('session').row));
  mountRoute(app, agentRoutes.walletBudget, (_input, c) => deps.wallet.budget(c.get('session').row));
  mountRoute(app, agentRoutes.policies, (_input, c) => deps.wallet.policies(c.get('session').row));
  mountRoute(app, agentRoutes.sendTransaction, ({ body }, c) => deps.transactions.send(c.get('session').row, body));
  mountRoute(app, agentRoutes.simulateTransaction, ({ body }, c) => deps.transactions.simulate(c.get('session').row, body));
  mountRoute(app, agentRoutes.listTransactions, ({ query }, c) => deps.transactions.list(c.get('session').row, query));
  mountRoute(app, agentRoutes.getTransaction, ({ params }, c) => deps.transactions.get(c.get('session').row, params.id));
  mountRoute(app, agentRoutes.cancelTransaction, ({ params }, c) => deps.transactions.cancel(c.get('session').row, params.id));
  mountRoute(app, agentRoutes.signMessage, ({ body }, c) => deps.signing.signMessage(c.get('session').row, body));
  mountRoute(app, agentRoutes.signTypedData, ({ body }, c) => deps.signing.signTypedData(c.get('session').row, body));
  mountRoute(app, agentRoutes.openApi, () => openApi);
  return app;
}
