import type { ErrorDefinitions } from './define.js';

/** The Owner's answers to APPROVAL-tier transactions, and the co-signatures that carry them. */
export const approvalErrors = {
  APPROVAL__NOT_FOUND: {
    status: 404,
    message: (c: { approval: string }) => `No approval ${c.approval} exists.`,
  },
  APPROVAL__ALREADY_DECIDED: {
    status: 409,
    message: (c: { approval: string; status: string }) =>
      `Approval ${c.approval} is already ${c.status}; an answer counts only while it is PENDING.`,
  },
  APPROVAL__EXPIRED: {
    status: 409,
    message: (c: { approval: string; expiredAt: string }) => `Approval ${c.approval} expired at ${c.expiredAt}; the answer came too late.`,
  },
  APPROVAL__TOO_LATE_TO_REJECT: {
    status: 409,
    message: (c: { approval: string; status: string }) =>
      `The transaction of approval ${c.approval} is already ${c.status}: it was signed before the rejection arrived.`,
  },
  /** Not thrown: the error an agent reads on a transaction the Owner rejected, with the Owner's reason if given. */
  APPROVAL__REJECTED: {
    status: 409,
    message: (c: { approval: string; reason: string | null }) =>
      c.reason === null ? 'Rejected by the Owner.' : `Rejected by the Owner: ${c.reason}`,
  },
  APPROVAL__DIGEST_MISMATCH: {
    status: 409,
    message: (c: { transaction: string }) =>
      `Transaction ${c.transaction} no longer matches what the Owner approved; it is not signed and the approval is void.`,
  },
  COSIGN__INVALID_SIGNATURE: {
    status: 401,
    message: (c: { action: string; owner: string }) =>
      `The signature does not verify as the Owner ${c.owner} signing this ${c.action} message; nothing was changed.`,
  },
  COSIGN__NONCE_UNKNOWN: {
    status: 401,
    message: (c: { action: string }) => `The ${c.action} message carries a nonce this signer never issued for it.`,
  },
  COSIGN__NONCE_USED: {
    status: 409,
    message: (c: { action: string }) => `The ${c.action} message was already answered once; a signed message counts only once.`,
  },
  COSIGN__EXPIRED: {
    status: 409,
    message: (c: { action: string; expiredAt: string }) => `The ${c.action} message expired at ${c.expiredAt}; ask for a new one.`,
  },
  OWNER__NOT_REGISTERED: {
    status: 409,
    message: () => 'No Owner is registered; set one with "waiaas owner set <address>".',
  },
  OWNER__INVALID_ADDRESS: {
    status: 400,
    message: (c: { address: string }) =>
      `"${c.address}" is neither a Solana address (base58 Ed25519 public key) nor an EVM address (0x + 40 hex).`,
  },
  OWNER__LOCKED: {
    status: 409,
    message: (c: { owner: string }) =>
      `The Owner ${c.owner} proved control of their address, so only a message signed by them can replace or remove it.`,
  },
} satisfies ErrorDefinitions;
