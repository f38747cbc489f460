import type { CosignRequest, owner } from '@waiaas/protocol';

export interface SignedByOwner {
  /** base58 (Solana, 64-byte Ed25519) or 0x-hex (EVM, 65 bytes). */
  signature: string;
  address: string;
}

/** A wallet the window found, whatever the standard it came through. Foreign code sits behind it. */
export interface OwnerWallet {
  /** Unique among the wallets offered, e.g. `solana:Phantom`, `eip6963:<uuid>`. */
  id: string;
  name: string;
  chain: owner.OwnerChain;
  /** Asks the wallet for an account; resolves to the address the Owner shares. */
  connect(): Promise<string>;
  /** Has the wallet sign `request` (connecting first when needed) and checks what comes back. */
  sign(request: CosignRequest): Promise<SignedByOwner>;
}

/** The window's own findings about a wallet, as opposed to the wallet's refusals (relayed in its own words). */
export type CosignPageErrorCode =
  | 'COSIGN_PAGE__WRONG_FORMAT'
  | 'COSIGN_PAGE__NO_ACCOUNT'
  | 'COSIGN_PAGE__CANNOT_SIGN_MESSAGES'
  | 'COSIGN_PAGE__BAD_SIGNATURE'
  | 'COSIGN_PAGE__ACCOUNT_CHANGED';

export class CosignPageError extends Error {
  override readonly name = 'CosignPageError';
  constructor(
    readonly code: CosignPageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What the Owner reads when a wallet failed: our own finding as is, a wallet's refusal prefixed and cut short. */
export function describeWalletFailure(walletName: string, asked: 'connect' | 'sign', error: unknown): { code: string; message: string } {
  if (error instanceof CosignPageError) return { code: error.code, message: error.message };
  // Wallets put anything in their errors (wallet-adapter wraps them, keeping the wallet's message).
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const reason = raw.trim().slice(0, 200) || 'no reason given';
  return { code: 'COSIGN_PAGE__WALLET_REFUSED', message: `${walletName} did not ${asked}: ${reason}` };
}
