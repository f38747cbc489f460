import { z } from 'zod';
import { Id, Timestamp } from '../common/ids.js';

/** A positive whole amount in the smallest unit, as a decimal string (JSON has no bigint). */
export const PositiveAmount = z
  .string()
  .regex(/^[0-9]+$/, 'must be a whole number of the smallest unit, as a string')
  .max(78, 'is too large')
  // zod runs every check even after one failed, so this one must not assume the regex held.
  .refine((s) => !/^[0-9]+$/.test(s) || BigInt(s) > 0n, 'must be greater than zero');

const Address = z.string().min(1).max(128);
const Memo = z.string().max(256);

export const TransferCall = z.strictObject({ type: z.literal('TRANSFER'), to: Address, amount: PositiveAmount, memo: Memo.optional() });
export const TokenTransferCall = z.strictObject({
  type: z.literal('TOKEN_TRANSFER'),
  token: Address,
  to: Address,
  amount: PositiveAmount,
  memo: Memo.optional(),
});
export const ApproveCall = z.strictObject({ type: z.literal('APPROVE'), token: Address, spender: Address, amount: PositiveAmount });
export const ContractCall = z.strictObject({
  type: z.literal('CONTRACT_CALL'),
  /** EVM: contract address. Solana: program id. */
  to: Address,
  /** EVM: 0x calldata. Solana: base64 instruction data. */
  data: z.string().max(48 * 1024).optional(),
  abi: z.array(z.record(z.string(), z.unknown())).max(256).optional(),
  functionName: z.string().max(256).optional(),
  args: z.array(z.unknown()).max(64).optional(),
  value: z.string().regex(/^[0-9]+$/).optional(),
  accounts: z
    .array(z.strictObject({ address: Address, isSigner: z.boolean(), isWritable: z.boolean() }))
    .max(64)
    .optional(),
});

export const BatchableCall = z.discriminatedUnion('type', [TransferCall, TokenTransferCall, ApproveCall, ContractCall]);
export const BatchCall = z.strictObject({ type: z.literal('BATCH'), calls: z.array(BatchableCall).min(1).max(16) });

/** What an agent asks the chain to do, without the request envelope. */
export const TransactionCall = z.discriminatedUnion('type', [TransferCall, TokenTransferCall, ApproveCall, ContractCall, BatchCall]);
export type TransactionCall = z.infer<typeof TransactionCall>;
export type BatchableCall = z.infer<typeof BatchableCall>;

const common = {
  /** A repeated key (per session) returns the first result, never a second transaction. */
  idempotencyKey: z.string().min(1).max(128).optional(),
  /** The agent's own words for why; stored and shown to the Owner. */
  justification: z.string().max(1000).optional(),
};

export const SendTransactionRequest = z.discriminatedUnion('type', [
  TransferCall.extend(common),
  TokenTransferCall.extend(common),
  ApproveCall.extend(common),
  ContractCall.extend(common),
  BatchCall.extend(common),
]);
export type SendTransactionRequest = z.infer<typeof SendTransactionRequest>;

export const TransactionStatus = z.enum([
  'PENDING',
  'QUEUED',
  'AWAITING_APPROVAL',
  'SIGNED',
  'SUBMITTED',
  'CONFIRMED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'REJECTED',
]);
export type TransactionStatus = z.infer<typeof TransactionStatus>;
export const FINAL_STATUSES: readonly TransactionStatus[] = ['CONFIRMED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REJECTED'];

export const Tier = z.enum(['INSTANT', 'NOTIFY', 'DELAY', 'APPROVAL']);
export type Tier = z.infer<typeof Tier>;

export const SendTransactionResponse = z.object({
  id: Id,
  status: TransactionStatus,
  tier: Tier,
  /** Which rule and threshold decided the tier, in words. */
  policyReason: z.string().nullable(),
  /** DELAY: when the transaction will be signed unless cancelled. */
  executeAt: Timestamp.nullable(),
});

export type SendTransactionResponse = z.infer<typeof SendTransactionResponse>;
export const Transaction = z.object({
  id: Id,
  walletId: Id,
  network: z.string(),
  type: z.enum(['TRANSFER', 'TOKEN_TRANSFER', 'APPROVE', 'CONTRACT_CALL', 'BATCH']),
  status: TransactionStatus,
  tier: Tier,
  /** Solana signature or EVM transaction hash, once signed. */
  hash: z.string().nullable(),
  request: z.record(z.string(), z.unknown()),
  justification: z.string().nullable(),
  policyReason: z.string().nullable(),
  executeAt: Timestamp.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Transaction = z.infer<typeof Transaction>;

export const ListTransactionsQuery = z.strictObject({
  status: TransactionStatus.optional(),
  cursor: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const ListTransactionsResponse = z.object({ transactions: z.array(Transaction), nextCursor: z.string().nullable() });

export type ListTransactionsResponse = z.infer<typeof ListTransactionsResponse>;
export const BalanceChange = z.object({ asset: z.string(), delta: z.string().regex(/^-?[0-9]+$/) });
export const SimulateTransactionResponse = z.object({
  ok: z.boolean(),
  tier: Tier,
  policyReason: z.string().nullable(),
  fee: z.string(),
  balanceChanges: z.array(BalanceChange),
  error: z.string().nullable(),
});

export type SimulateTransactionResponse = z.infer<typeof SimulateTransactionResponse>;
export const Asset = z.object({ asset: z.string(), symbol: z.string().nullable(), decimals: z.number().int(), balance: z.string() });
export type Asset = z.infer<typeof Asset>;
export const BalanceResponse = z.object({ walletId: Id, network: z.string(), address: z.string(), asset: Asset });
export type BalanceResponse = z.infer<typeof BalanceResponse>;
export const AssetsResponse = z.object({ walletId: Id, network: z.string(), address: z.string(), assets: z.array(Asset) });

export type AssetsResponse = z.infer<typeof AssetsResponse>;
/** What the session may still spend, so an agent can plan instead of trying and failing. */
export const BudgetResponse = z.object({
  walletId: Id,
  sessionId: Id,
  limits: z.array(
    z.object({
      scope: z.literal('session'),
      asset: z.string(),
      symbol: z.string().nullable(),
      decimals: z.number().int(),
      maxPerTx: z.string().nullable(),
      maxTotal: z.string().nullable(),
      /** Committed plus reserved by transactions still in flight. */
      used: z.string(),
      /** null when there is no total limit. */
      remaining: z.string().nullable(),
    }),
  ),
});
export type BudgetResponse = z.infer<typeof BudgetResponse>;
