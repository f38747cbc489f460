import { z } from 'zod';
import { AmountString, Id, Timestamp } from './ids.js';

/**
 * Policy rules. Every type the API accepts is evaluated on every request; a type that is not
 * evaluated is not accepted. Amounts are in the asset's smallest unit.
 */
export const SpendingLimitRule = z
  .strictObject({
    type: z.literal('SPENDING_LIMIT'),
    /** 'native' or a token address / mint. */
    asset: z.string().min(1).max(128),
    instantMax: AmountString,
    notifyMax: AmountString,
    delayMax: AmountString,
    /** Cooldown of the DELAY tier. */
    delaySeconds: z.number().int().min(1).max(7 * 86_400).default(900),
  })
  .refine((r) => BigInt(r.instantMax) <= BigInt(r.notifyMax) && BigInt(r.notifyMax) <= BigInt(r.delayMax), {
    message: 'thresholds must be instantMax ≤ notifyMax ≤ delayMax',
  });

export const AllowedTokensRule = z.strictObject({
  type: z.literal('ALLOWED_TOKENS'),
  tokens: z.array(z.string().min(1).max(128)).max(200),
});

export const AllowedContractsRule = z.strictObject({
  type: z.literal('ALLOWED_CONTRACTS'),
  contracts: z
    .array(
      z.strictObject({
        /** EVM contract address or Solana program id. */
        address: z.string().min(1).max(128),
        /** EVM only: 4-byte selectors allowed (0x…); absent means any method. */
        selectors: z.array(z.string().regex(/^0x[0-9a-fA-F]{8}$/)).max(100).optional(),
      }),
    )
    .max(200),
});

export const PolicyRule = z.discriminatedUnion('type', [
  SpendingLimitRule,
  AllowedTokensRule,
  AllowedContractsRule,
]);
export type PolicyRule = z.infer<typeof PolicyRule>;
export type PolicyType = PolicyRule['type'];

export const PolicyScope = z.enum(['global', 'wallet']);

export const Policy = z.object({
  id: Id,
  scope: PolicyScope,
  walletId: Id.nullable(),
  rule: PolicyRule,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Policy = z.infer<typeof Policy>;

export const SetPolicyRequest = z.strictObject({
  /** Wallet id or name; absent for a global rule. */
  wallet: z.string().min(1).max(64).optional(),
  rule: PolicyRule,
});
export type SetPolicyRequest = z.infer<typeof SetPolicyRequest>;
export const PolicyResponse = z.object({ policy: Policy });
export const ListPoliciesResponse = z.object({ policies: z.array(Policy) });
