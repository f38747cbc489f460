import { defineRoute } from '../common/route.js';
import { HealthResponse, OpenApiDocument, SessionIdParams, SessionRenewResponse, WalletAddressResponse } from './schemas.js';

/** Version of the untrusted agent API. Bump on a breaking change and note it in CHANGELOG.md. */
export const AGENT_API_VERSION = '1';

const SESSION_ERRORS = [
  'AUTH__MISSING_TOKEN',
  'AUTH__INVALID_TOKEN',
  'SESSION__EXPIRED',
  'SESSION__REVOKED',
  'SESSION__TOKEN_SUPERSEDED',
] as const;

export const agentRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    auth: 'none',
    summary: 'Liveness of the signer. The only route without authentication; it reveals nothing else.',
    response: HealthResponse,
    errors: [],
  }),
  walletAddress: defineRoute({
    method: 'GET',
    path: '/v1/wallet/address',
    auth: 'session',
    summary: "The session's wallet: id, chain, network and address.",
    response: WalletAddressResponse,
    errors: SESSION_ERRORS,
  }),
  renewSession: defineRoute({
    method: 'PUT',
    path: '/v1/sessions/:id/renew',
    auth: 'session',
    summary:
      'Exchange the current token for a new one. Allowed after half the TTL, within the renewal cap and absolute lifetime.',
    params: SessionIdParams,
    response: SessionRenewResponse,
    errors: [
      ...SESSION_ERRORS,
      'SESSION__FORBIDDEN',
      'SESSION__RENEWAL_TOO_EARLY',
      'SESSION__RENEWAL_LIMIT_REACHED',
      'SESSION__LIFETIME_EXHAUSTED',
      'SESSION__RENEWAL_CONFLICT',
    ],
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/doc',
    auth: 'session',
    summary: 'This API as an OpenAPI 3.1 document, generated from the protocol schemas.',
    response: OpenApiDocument,
    errors: SESSION_ERRORS,
  }),
} as const;

export type AgentRoutes = typeof agentRoutes;
