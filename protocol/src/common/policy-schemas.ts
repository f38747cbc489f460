import { z } from 'zod';
import { AmountString, Id, Timestamp } from './ids.js';

/** A USD amount as a decimal string, e.g. "25.00" (at most 18 fractional digits, compared exactly). */
export const UsdString = z.string().regex(/^(0|[1-9][0-9]{0,14})(\.[0-9]{1,18})?$/, 'must be a USD amount such as "25.00"');

/** "25.00" → comparable integer (USD × 10^18); 0 for a malformed one, which the regex reports. */
const usd = (s: string) => {
  if (!UsdString.safeParse(s).success) return 0n;
  const [whole = '0', fraction = ''] = s.split('.');
  return BigInt(whole + fraction.padEnd(18, '0'));
};

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
    /**
     * USD thresholds, all three or none: the request's value in USD decides a tier too, and the
     * stricter of both wins. Without a fresh price the USD part asks the Owner (fails closed).
     */
    usdInstantMax: UsdString.optional(),
    usdNotifyMax: UsdString.optional(),
    usdDelayMax: UsdString.optional(),
    /** Decimals of a token `asset`, for its USD value; required with USD thresholds on a token. */
    decimals: z.number().int().min(0).max(36).optional(),
    /**
     * How long an approval this rule asks for stays open (else `owner.approval_timeout`); of
     * several rules asking for the Owner, the shortest wins.
     */
    approvalSeconds: z.number().int().min(60).max(7 * 86_400).optional(),
  })
  .refine((r) => BigInt(r.instantMax) <= BigInt(r.notifyMax) && BigInt(r.notifyMax) <= BigInt(r.delayMax), {
    message: 'thresholds must be instantMax ≤ notifyMax ≤ delayMax',
  })
  .refine((r) => [r.usdInstantMax, r.usdNotifyMax, r.usdDelayMax].every((v) => v === undefined) || (r.usdInstantMax !== undefined && r.usdNotifyMax !== undefined && r.usdDelayMax !== undefined), {
    message: 'USD thresholds go together: usdInstantMax, usdNotifyMax and usdDelayMax',
  })
  .refine((r) => r.usdInstantMax === undefined || r.usdNotifyMax === undefined || r.usdDelayMax === undefined || (usd(r.usdInstantMax) <= usd(r.usdNotifyMax) && usd(r.usdNotifyMax) <= usd(r.usdDelayMax)), {
    message: 'USD thresholds must be usdInstantMax ≤ usdNotifyMax ≤ usdDelayMax',
  })
  .refine((r) => r.asset === 'native' || r.usdInstantMax === undefined || r.decimals !== undefined, {
    message: 'a token with USD thresholds needs decimals',
  })
  .refine((r) => r.asset !== 'native' || r.decimals === undefined, {
    message: 'decimals is for tokens; native decimals are known (SOL 9, ETH 18)',
  });

/** The `asset` of a rolling limit in USD: a name no mint, token address or "native" can have. */
export const USD_ASSET = 'usd';

/**
 * A cap on what is moved over a rolling window (committed plus reserved), in one of two kinds:
 * - of one asset (`max`, smallest unit): a global rule caps every wallet separately;
 * - in USD (`asset: 'usd'`, `usdMax`): every asset moved counts at the USD value it had when its
 *   request was accepted. A global USD rule is ONE budget across all wallets of the signer (they
 *   all belong to the one Owner); a wallet or session rule caps that scope only.
 * A session rule counts only that session's requests. Approvals do not count: they move nothing
 * now and are never reserved.
 */
export const RollingLimitRule = z
  .strictObject({
    type: z.literal('ROLLING_LIMIT'),
    /** 'native', a token address / mint, or 'usd' for a limit in USD. */
    asset: z.string().min(1).max(128),
    window: z.enum(['24h', '7d', '30d']),
    /** The cap of an asset limit, in its smallest unit. */
    max: AmountString.optional(),
    /** The cap of a USD limit (asset 'usd'). */
    usdMax: UsdString.optional(),
  })
  .refine((r) => (r.asset === USD_ASSET ? r.usdMax !== undefined && r.max === undefined : r.max !== undefined && r.usdMax === undefined), {
    message: 'a rolling limit has max (of an asset) or, with asset "usd", usdMax (in USD): exactly one',
  });

/** At most `maxRequests` requests per wallet in any `windowSeconds`; cancelled ones do not count. */
export const RateLimitRule = z.strictObject({
  type: z.literal('RATE_LIMIT'),
  maxRequests: z.number().int().min(1),
  windowSeconds: z.number().int().min(1).max(30 * 86_400),
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
        /**
         * Solana only: instruction discriminators allowed (0x…), each a prefix of the instruction
         * data — 1 byte for native / SPL programs, 4 for the system program, 8 for Anchor; absent means any instruction.
         */
        discriminators: z.array(z.string().regex(/^0x(?:[0-9a-fA-F]{2}){1,8}$/, 'must be 1 to 8 bytes of hex, e.g. 0x03')).max(100).optional(),
      })
      .refine((c) => c.selectors === undefined || c.discriminators === undefined, {
        message: 'selectors are for EVM contracts, discriminators for Solana programs: not both',
      }),
    )
    .max(200),
});

/** Recipients agents may send to (transfers, token transfers) or approve as spender; the lists of all applying rules are joined. */
export const RecipientAllowlistRule = z.strictObject({
  type: z.literal('RECIPIENT_ALLOWLIST'),
  addresses: z.array(z.string().min(1).max(128)).max(500),
  /** Names the Owner gave some addresses, for display only. */
  labels: z
    .record(z.string().min(1).max(128), z.string().min(1).max(64))
    .refine((l) => Object.keys(l).length <= 500, 'at most 500 labels')
    .optional(),
});

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

/** An IANA time zone the runtime knows; an unknown one would make the window impossible to evaluate. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  // Names only: Intl also takes offsets such as "+01:00", which follow no DST and are not what an Owner means.
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, 'must be an IANA time zone name')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin');

/** Requests are allowed only on these days, from startHour up to (not including) endHour, in the Owner's time zone. */
export const TimeWindowRule = z
  .strictObject({
    type: z.literal('TIME_WINDOW'),
    days: z.array(Weekday).min(1).max(7),
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
    timeZone: TimeZone,
  })
  .refine((r) => r.startHour < r.endHour, { message: 'startHour must be before endHour (endHour is exclusive)' });

/** Approvals above `max` (smallest unit) are refused; without `token` the cap applies to every token. */
export const ApproveCapRule = z.strictObject({
  type: z.literal('APPROVE_CAP'),
  token: z.string().min(1).max(128).optional(),
  max: AmountString,
});

/**
 * What agents may sign off-chain. Without any such rule every signing request is refused: typed data
 * such as permits can move funds. The rules that apply (global, wallet) are joined: a request passes
 * if one of them allows it.
 */
export const AllowedSigningRule = z.strictObject({
  type: z.literal('ALLOWED_SIGNING'),
  /** Plain messages: EIP-191 personal_sign on EVM, text / off-chain messages on Solana. */
  messages: z.boolean(),
  /** With `messages`: only messages whose bytes start with this text. */
  messagePrefix: z.string().min(1).max(256).optional(),
  /**
   * EIP-712 domains whose typed data may be signed. An entry matches when every field it gives
   * equals the domain's; permit-like typed data needs an entry with chainId and verifyingContract.
   */
  typedDataDomains: z
    .array(
      z
        .strictObject({
          chainId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
          verifyingContract: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x address').optional(),
          name: z.string().min(1).max(128).optional(),
        })
        .refine((d) => d.verifyingContract !== undefined || d.name !== undefined, 'a domain needs verifyingContract or name'),
    )
    .max(100),
});

export const PolicyRule = z.discriminatedUnion('type', [
  SpendingLimitRule,
  RollingLimitRule,
  RateLimitRule,
  AllowedTokensRule,
  AllowedContractsRule,
  RecipientAllowlistRule,
  TimeWindowRule,
  ApproveCapRule,
  AllowedSigningRule,
]);
export type PolicyRule = z.infer<typeof PolicyRule>;
export type PolicyType = PolicyRule['type'];

/** A session rule applies only to that session's requests, on top of the global and wallet rules. */
export const PolicyScope = z.enum(['global', 'wallet', 'session']);

export const Policy = z.object({
  id: Id,
  scope: PolicyScope,
  /** The wallet of a wallet rule, or of a session rule's session; null for a global rule. */
  walletId: Id.nullable(),
  /** The session of a session rule; null otherwise. */
  sessionId: Id.nullable(),
  rule: PolicyRule,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Policy = z.infer<typeof Policy>;

export const SetPolicyRequest = z
  .strictObject({
    /** Wallet id or name; absent for a global rule. */
    wallet: z.string().min(1).max(64).optional(),
    /** Session id, for a rule of that session only (an active session). */
    session: Id.optional(),
    rule: PolicyRule,
  })
  .refine((r) => r.wallet === undefined || r.session === undefined, {
    message: 'a rule is for a wallet or for a session, not both (a session rule applies to its wallet)',
  });
export type SetPolicyRequest = z.infer<typeof SetPolicyRequest>;
export const PolicyResponse = z.object({ policy: Policy });
export const ListPoliciesResponse = z.object({ policies: z.array(Policy) });
