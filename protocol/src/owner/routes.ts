import { defineRoute } from '../common/route.js';
import { PairRequest, PairResponse } from './pairing-schemas.js';

/**
 * Version of the Owner channel: the trusted surface, served only on the loopback TCP listener to a
 * paired browser extension, never on the agent's unix socket. Changes are listed in the README.
 */
export const OWNER_PROTOCOL_VERSION = '1';

export const OWNER_PREFIX = '/v1/owner';
export const OWNER_WS_PATH = '/v1/owner/ws';

export const ownerRoutes = {
  pair: defineRoute({
    method: 'POST',
    path: '/v1/owner/pair',
    // No session or token: the request authenticates itself with the MAC keyed from the pairing code.
    auth: 'none',
    summary: "Pair an Owner's browser: exchange public keys, proven by the one-time code on both sides.",
    body: PairRequest,
    response: PairResponse,
    errors: [
      'PAIRING__NO_ACTIVE_CODE',
      'PAIRING__CODE_EXPIRED',
      'PAIRING__CODE_USED',
      'PAIRING__CODE_MISMATCH',
      'PAIRING__TOO_MANY_ATTEMPTS',
      'PAIRING__ORIGIN_NOT_ALLOWED',
      'PAIRING__KEY_INVALID',
      'PAIRING__KEY_ALREADY_PAIRED',
    ],
  }),
} as const;
