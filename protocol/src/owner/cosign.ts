import { z } from 'zod';

/**
 * What the Owner signs with their own wallet to answer the signer. One set of fields renders two
 * ways — a UTF-8 text for Solana wallets (`signMessage`) and EIP-712 typed data for EVM wallets
 * (`eth_signTypedData_v4`) — so both read the same in the wallet's prompt, and the signer verifies
 * by rendering the fields it holds again: nothing the Owner's side sends is trusted as the message.
 */
export const CosignAction = z.enum(['approve', 'reject', 'register-owner', 'recover', 'policy-change', 'checkpoint']);
export type CosignAction = z.infer<typeof CosignAction>;

export const CosignFields = z.strictObject({
  action: CosignAction,
  /** The whole request in one sentence a person can check, e.g. "Send 1.5 SOL to 9xQ… from agent wallet bot". */
  summary: z.string().min(1).max(500),
  /** Amount in words with its unit ("1.5 SOL", "5000000 base units of token 0xabc…"), or "—". */
  amount: z.string().min(1).max(200),
  recipient: z.string().min(1).max(200),
  network: z.string().min(1).max(64),
  /** The agent wallet ("bot (0xabc…)"), or "—" when the action is not about one. */
  wallet: z.string().min(1).max(200),
  /** Digest of the exact transaction content (fees and the Solana blockhash excluded), or "—". */
  digest: z.string().min(1).max(100),
  /** The signer's identity, so a signature for one signer is worthless to another. */
  signer: z.string().min(1).max(200),
  /** Issued by the signer, accepted once. */
  nonce: z.string().min(16).max(64),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type CosignFields = z.infer<typeof CosignFields>;

const TITLES: Record<CosignAction, string> = {
  approve: 'APPROVE a transaction',
  reject: 'REJECT a transaction',
  'register-owner': 'REGISTER the Owner',
  recover: 'RECOVER from the kill switch',
  'policy-change': 'CHANGE a policy',
  checkpoint: 'SIGN an audit checkpoint',
};

/** The Solana rendering: a plain text, one field per line, the action first. */
export function cosignText(f: CosignFields): string {
  return [
    `WAIaaS Owner: ${TITLES[f.action]}`,
    f.summary,
    '',
    `Amount: ${f.amount}`,
    `Recipient: ${f.recipient}`,
    `Network: ${f.network}`,
    `Agent wallet: ${f.wallet}`,
    `Transaction digest: ${f.digest}`,
    `Signer: ${f.signer}`,
    `Nonce: ${f.nonce}`,
    `Issued at: ${f.issuedAt}`,
    `Expires at: ${f.expiresAt}`,
  ].join('\n');
}

/**
 * No chainId in the domain: MetaMask refuses typed data whose domain chainId differs from the
 * account's current chain, and this message is about the signer, not about any one chain.
 */
export const COSIGN_DOMAIN = { name: 'WAIaaS Owner', version: '1' } as const;

export const COSIGN_TYPES = {
  EIP712Domain: [
    { name: 'name', type: 'string' },
    { name: 'version', type: 'string' },
  ],
  OwnerAction: [
    { name: 'action', type: 'string' },
    { name: 'summary', type: 'string' },
    { name: 'amount', type: 'string' },
    { name: 'recipient', type: 'string' },
    { name: 'network', type: 'string' },
    { name: 'wallet', type: 'string' },
    { name: 'digest', type: 'string' },
    { name: 'signer', type: 'string' },
    { name: 'nonce', type: 'string' },
    { name: 'issuedAt', type: 'string' },
    { name: 'expiresAt', type: 'string' },
  ],
} as const;

/** The EVM rendering: the argument of `eth_signTypedData_v4` (JSON-stringified by the caller). */
export function cosignTypedData(f: CosignFields) {
  return {
    domain: COSIGN_DOMAIN,
    types: COSIGN_TYPES,
    primaryType: 'OwnerAction' as const,
    message: { ...f },
  };
}

/** What the Owner's side is asked to sign, in the format of the Owner's wallet. */
export const CosignRequest = z.strictObject({
  fields: CosignFields,
  format: z.enum(['solana-message', 'eip712']),
});
export type CosignRequest = z.infer<typeof CosignRequest>;

/** An Owner's signature: base58 (64-byte Ed25519) for Solana, 0x-hex (65-byte r‖s‖v) for EVM. */
export const CosignSignature = z.string().min(64).max(200).regex(/^(0x[0-9a-fA-F]{130}|[1-9A-HJ-NP-Za-km-z]{64,90})$/, 'must be a base58 Ed25519 or 0x-hex secp256k1 signature');
