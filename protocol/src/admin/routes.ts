import { defineRoute } from '../common/route.js';
import { ownerAdminRoutes } from './owner-routes.js';
import { CosignRequest } from '../owner/cosign.js';
import { Id, IdParams } from '../common/ids.js';
import { ListPoliciesResponse, PolicyResponse, SetPolicyRequest } from '../common/policy-schemas.js';
import { z } from 'zod';
import {
  ActivateKillSwitchRequest,
  ActivateKillSwitchResponse,
  KillSwitchStatus,
  RecoverKillSwitchResponse,
  RecoverKillSwitchRequest,
  AdminAuthRequest,
  AdminAuthResponse,
  AuditVerifyResponse,
  CreateSessionRequest,
  CreateSessionResponse,
  CreateWalletRequest,
  CreateWalletResponse,
  ListAuditQuery,
  ListAuditResponse,
  ListSessionsQuery,
  ListSessionsResponse,
  ListWalletsResponse,
  RevokeSessionResponse,
  SessionIdParams,
} from './schemas.js';
import { CreatePairingCodeRequest, CreatePairingCodeResponse, ListOwnerDevicesResponse, RevokeOwnerDeviceResponse } from '../owner/pairing-schemas.js';

/**
 * Version of the admin API: the CLI's channel to its daemon. It is mounted only on the unix socket
 * (never on TCP) and every route but the login needs a short-lived token from that login.
 */
export const ADMIN_API_VERSION = '1';

const ADMIN_ERRORS = ['ADMIN__AUTH_REQUIRED', 'ADMIN__INVALID_TOKEN'] as const;

export const adminRoutes = {
  auth: defineRoute({
    method: 'POST',
    path: '/v1/admin/auth',
    auth: 'password',
    summary: 'Trade the master password for an admin token valid a few minutes.',
    body: AdminAuthRequest,
    response: AdminAuthResponse,
    errors: ['KEYSTORE__WRONG_PASSWORD', 'ADMIN__TOO_MANY_ATTEMPTS'],
  }),
  createWallet: defineRoute({
    method: 'POST',
    path: '/v1/admin/wallets',
    auth: 'admin',
    summary: 'Create an agent wallet: a new key, encrypted into the keystore.',
    body: CreateWalletRequest,
    response: CreateWalletResponse,
    errors: [...ADMIN_ERRORS, 'WALLET__NAME_TAKEN', 'NETWORK__NOT_FOUND', 'NETWORK__WRONG_FAMILY'],
  }),
  listWallets: defineRoute({
    method: 'GET',
    path: '/v1/admin/wallets',
    auth: 'admin',
    summary: 'All agent wallets.',
    response: ListWalletsResponse,
    errors: ADMIN_ERRORS,
  }),
  resumeWallet: defineRoute({
    method: 'POST',
    path: '/v1/admin/wallets/:id/resume',
    auth: 'admin',
    summary: 'Lift an AutoStop suspension (id or name).',
    params: z.strictObject({ id: z.string().min(1).max(64) }),
    response: CreateWalletResponse,
    errors: [...ADMIN_ERRORS, 'WALLET__NOT_FOUND', 'WALLET__NOT_SUSPENDED'],
  }),
  createSession: defineRoute({
    method: 'POST',
    path: '/v1/admin/sessions',
    auth: 'admin',
    summary: 'Open a session on a wallet; the response carries its token, shown this once.',
    body: CreateSessionRequest,
    response: CreateSessionResponse,
    errors: [...ADMIN_ERRORS, 'WALLET__NOT_FOUND', 'SESSION__INVALID_TTL', 'AMOUNT__INVALID'],
  }),
  listSessions: defineRoute({
    method: 'GET',
    path: '/v1/admin/sessions',
    auth: 'admin',
    summary: 'Active sessions (all=true adds expired and revoked ones).',
    query: ListSessionsQuery,
    response: ListSessionsResponse,
    errors: [...ADMIN_ERRORS, 'WALLET__NOT_FOUND'],
  }),
  revokeSession: defineRoute({
    method: 'POST',
    path: '/v1/admin/sessions/:id/revoke',
    auth: 'admin',
    summary: 'Revoke a session: its token is refused from the next request on.',
    params: SessionIdParams,
    response: RevokeSessionResponse,
    errors: [...ADMIN_ERRORS, 'SESSION__NOT_FOUND'],
  }),
  listAudit: defineRoute({
    method: 'GET',
    path: '/v1/admin/audit',
    auth: 'admin',
    summary: 'Audit entries, newest first, filtered by wallet, session, action and time.',
    query: ListAuditQuery,
    response: ListAuditResponse,
    errors: [...ADMIN_ERRORS, 'WALLET__NOT_FOUND'],
  }),
  verifyAudit: defineRoute({
    method: 'GET',
    path: '/v1/admin/audit/verify',
    auth: 'admin',
    summary: 'Walk the audit chain with the audit key: intact, or the first entry that is not.',
    response: AuditVerifyResponse,
    errors: [...ADMIN_ERRORS, 'KEYSTORE__LOCKED'],
  }),
  killSwitchStatus: defineRoute({
    method: 'GET',
    path: '/v1/admin/kill-switch',
    auth: 'admin',
    summary: "The kill switch's state.",
    response: KillSwitchStatus,
    errors: ADMIN_ERRORS,
  }),
  activateKillSwitch: defineRoute({
    method: 'POST',
    path: '/v1/admin/kill-switch/activate',
    auth: 'admin',
    summary: 'Stop everything: revoke every session, cancel every waiting transaction, refuse agent requests.',
    body: ActivateKillSwitchRequest,
    response: ActivateKillSwitchResponse,
    errors: [...ADMIN_ERRORS, 'KILL_SWITCH__ALREADY_ENGAGED'],
  }),
  recoverKillSwitch: defineRoute({
    method: 'POST',
    path: '/v1/admin/kill-switch/recover',
    auth: 'admin',
    summary:
      "Return to ACTIVE. With an Owner registered, only with their signature over the recover message (nonce + signature). Revoked sessions stay revoked; create new ones.",
    body: RecoverKillSwitchRequest,
    response: RecoverKillSwitchResponse,
    errors: [...ADMIN_ERRORS, 'KILL_SWITCH__NOT_ENGAGED', 'KILL_SWITCH__OWNER_SIGNATURE_REQUIRED', 'COSIGN__INVALID_SIGNATURE', 'COSIGN__NONCE_UNKNOWN', 'COSIGN__NONCE_USED', 'COSIGN__EXPIRED'],
  }),
  recoverKillSwitchMessage: defineRoute({
    method: 'POST',
    path: '/v1/admin/kill-switch/recover-message',
    auth: 'admin',
    summary: 'The message the registered Owner signs to agree to a recovery (valid 10 minutes, once).',
    response: CosignRequest,
    errors: [...ADMIN_ERRORS, 'KILL_SWITCH__NOT_ENGAGED', 'OWNER__NOT_REGISTERED'],
  }),
  listPolicies: defineRoute({
    method: 'GET',
    path: '/v1/admin/policies',
    auth: 'admin',
    summary:
      "Policy rules, global, per wallet and per session (wallet= limits to one wallet, its sessions' rules and the global rules; session= to the rules that apply to that session).",
    query: z.strictObject({ wallet: z.string().min(1).max(64).optional(), session: Id.optional() }),
    response: ListPoliciesResponse,
    errors: [...ADMIN_ERRORS, 'WALLET__NOT_FOUND', 'SESSION__NOT_FOUND'],
  }),
  setPolicy: defineRoute({
    method: 'PUT',
    path: '/v1/admin/policies',
    auth: 'admin',
    summary: 'Create or replace the rule of a type for a scope (one rule per type globally, per wallet and per session).',
    body: SetPolicyRequest,
    response: PolicyResponse,
    errors: [...ADMIN_ERRORS, 'WALLET__NOT_FOUND', 'SESSION__NOT_FOUND', 'POLICY__SESSION_INACTIVE'],
  }),
  removePolicy: defineRoute({
    method: 'DELETE',
    path: '/v1/admin/policies/:id',
    auth: 'admin',
    summary: 'Remove a rule. With no spending limit for an asset, its transfers need the Owner.',
    params: IdParams,
    response: PolicyResponse,
    errors: [...ADMIN_ERRORS, 'POLICY__NOT_FOUND'],
  }),
  createPairingCode: defineRoute({
    method: 'POST',
    path: '/v1/admin/owner/pairing-codes',
    auth: 'admin',
    summary: "A one-time code (at most 10 minutes) to pair the Owner's browser; replaces any earlier code.",
    body: CreatePairingCodeRequest,
    response: CreatePairingCodeResponse,
    errors: [...ADMIN_ERRORS, 'KEYSTORE__LOCKED'],
  }),
  listOwnerDevices: defineRoute({
    method: 'GET',
    path: '/v1/admin/owner/devices',
    auth: 'admin',
    summary: 'Paired Owner devices, revoked ones included.',
    response: ListOwnerDevicesResponse,
    errors: ADMIN_ERRORS,
  }),
  revokeOwnerDevice: defineRoute({
    method: 'POST',
    path: '/v1/admin/owner/devices/:id/revoke',
    auth: 'admin',
    summary: "Revoke a paired device: its open connections are closed at once and it can no longer connect.",
    params: IdParams,
    response: RevokeOwnerDeviceResponse,
    errors: [...ADMIN_ERRORS, 'OWNER__DEVICE_NOT_FOUND'],
  }),
  ...ownerAdminRoutes,
} as const;
