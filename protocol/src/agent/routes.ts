import { defineRoute } from '../common/route.js';
import { IdParams } from '../common/ids.js';
import { ListPoliciesResponse } from '../common/policy-schemas.js';
import { HealthResponse, OpenApiDocument, SessionIdParams, SessionRenewResponse, WalletAddressResponse } from './schemas.js';
import {
  AssetsResponse,
  BalanceResponse,
  BudgetResponse,
  ListTransactionsQuery,
  ListTransactionsResponse,
  SendTransactionRequest,
  SendTransactionResponse,
  SimulateTransactionResponse,
  Transaction,
} from './transaction-schemas.js';
import { SignatureResponse, SignMessageRequest, SignTypedDataRequest } from './signing-schemas.js';

/** Version of the untrusted agent API. Bump on a breaking change and note it in CHANGELOG.md. */
export const AGENT_API_VERSION = '1';

const SESSION_ERRORS = [
  'AUTH__MISSING_TOKEN',
  'AUTH__INVALID_TOKEN',
  'SESSION__EXPIRED',
  'SESSION__REVOKED',
  'SESSION__TOKEN_SUPERSEDED',
] as const;

const TX_INPUT_ERRORS = [
  ...SESSION_ERRORS,
  'CHAIN__INVALID_ADDRESS',
  'CHAIN__UNKNOWN_TOKEN',
  'CHAIN__INVALID_CALL',
  'CHAIN__UNSUPPORTED',
  'CHAIN__INSUFFICIENT_FUNDS',
  'CHAIN__RPC_UNAVAILABLE',
] as const;

/** Every way the policy engine can refuse a transaction outright (a tier is not a refusal). */
const POLICY_REFUSALS = [
  'POLICY__SESSION_PER_TX_LIMIT',
  'POLICY__SESSION_TOTAL_LIMIT',
  'POLICY__TOKEN_NOT_ALLOWED',
  'POLICY__CONTRACT_NOT_ALLOWED',
  'POLICY__RECIPIENT_NOT_ALLOWED',
  'POLICY__OUTSIDE_TIME_WINDOW',
  'POLICY__APPROVE_CAP_EXCEEDED',
  'POLICY__ROLLING_LIMIT_EXCEEDED',
  'POLICY__USD_ROLLING_LIMIT_EXCEEDED',
  'POLICY__RATE_LIMITED',
  'WALLET__SUSPENDED',
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
  walletBalance: defineRoute({
    method: 'GET',
    path: '/v1/wallet/balance',
    auth: 'session',
    summary: "The wallet's native balance, in the smallest unit.",
    response: BalanceResponse,
    errors: [...SESSION_ERRORS, 'CHAIN__RPC_UNAVAILABLE'],
  }),
  walletAssets: defineRoute({
    method: 'GET',
    path: '/v1/wallet/assets',
    auth: 'session',
    summary: 'Native balance and token balances of the wallet.',
    response: AssetsResponse,
    errors: [...SESSION_ERRORS, 'CHAIN__RPC_UNAVAILABLE'],
  }),
  walletBudget: defineRoute({
    method: 'GET',
    path: '/v1/wallet/budget',
    auth: 'session',
    summary: 'The limits that apply to this session and what remains of them.',
    response: BudgetResponse,
    errors: SESSION_ERRORS,
  }),
  policies: defineRoute({
    method: 'GET',
    path: '/v1/policies',
    auth: 'session',
    summary: "The policy rules that apply to this session's wallet (global and wallet rules).",
    response: ListPoliciesResponse,
    errors: SESSION_ERRORS,
  }),
  sendTransaction: defineRoute({
    method: 'POST',
    path: '/v1/transactions/send',
    auth: 'session',
    summary:
      'Request a transaction. Validated and built at once (bad input is refused before anything is signed); answers { id, status, tier } and the pipeline goes on in the background.',
    body: SendTransactionRequest,
    response: SendTransactionResponse,
    errors: [...TX_INPUT_ERRORS, 'TRANSACTION__IDEMPOTENCY_CONFLICT', ...POLICY_REFUSALS],
  }),
  simulateTransaction: defineRoute({
    method: 'POST',
    path: '/v1/transactions/simulate',
    auth: 'session',
    summary: 'Dry run of a send: validation, the tier it would get, and the balance changes the chain predicts. Nothing is reserved or signed.',
    body: SendTransactionRequest,
    response: SimulateTransactionResponse,
    errors: [...TX_INPUT_ERRORS, ...POLICY_REFUSALS],
  }),
  listTransactions: defineRoute({
    method: 'GET',
    path: '/v1/transactions',
    auth: 'session',
    summary: "The wallet's transactions, newest first, with cursor pagination.",
    query: ListTransactionsQuery,
    response: ListTransactionsResponse,
    errors: SESSION_ERRORS,
  }),
  getTransaction: defineRoute({
    method: 'GET',
    path: '/v1/transactions/:id',
    auth: 'session',
    summary: 'One transaction and its status.',
    params: IdParams,
    response: Transaction,
    errors: [...SESSION_ERRORS, 'TRANSACTION__NOT_FOUND'],
  }),
  cancelTransaction: defineRoute({
    method: 'POST',
    path: '/v1/transactions/:id/cancel',
    auth: 'session',
    summary: 'Cancel a transaction that is still waiting (PENDING, QUEUED or AWAITING_APPROVAL).',
    params: IdParams,
    response: Transaction,
    errors: [...SESSION_ERRORS, 'TRANSACTION__NOT_FOUND', 'TRANSACTION__NOT_CANCELLABLE'],
  }),
  signMessage: defineRoute({
    method: 'POST',
    path: '/v1/wallet/sign-message',
    auth: 'session',
    summary:
      'Sign a message off-chain (EVM: EIP-191 personal_sign; Solana: Ed25519 over UTF-8 text or an off-chain message, never bytes that could be a transaction). Refused unless an ALLOWED_SIGNING policy allows messages.',
    body: SignMessageRequest,
    response: SignatureResponse,
    errors: [...SESSION_ERRORS, 'SIGNING__INVALID_MESSAGE', 'SIGNING__MESSAGE_LOOKS_LIKE_TRANSACTION', 'POLICY__SIGNING_NOT_ALLOWED', 'POLICY__RATE_LIMITED', 'POLICY__OUTSIDE_TIME_WINDOW', 'WALLET__SUSPENDED'],
  }),
  signTypedData: defineRoute({
    method: 'POST',
    path: '/v1/wallet/sign-typed-data',
    auth: 'session',
    summary:
      'Sign EIP-712 typed data (EVM wallets only). Refused unless an ALLOWED_SIGNING policy lists its domain; permits need the domain listed by chainId and verifyingContract.',
    body: SignTypedDataRequest,
    response: SignatureResponse,
    errors: [...SESSION_ERRORS, 'CHAIN__UNSUPPORTED', 'SIGNING__INVALID_TYPED_DATA', 'POLICY__SIGNING_NOT_ALLOWED', 'POLICY__RATE_LIMITED', 'POLICY__OUTSIDE_TIME_WINDOW', 'WALLET__SUSPENDED'],
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
