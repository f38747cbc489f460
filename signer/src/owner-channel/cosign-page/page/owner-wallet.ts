/** A wallet the page found, whatever the standard it came through. */
export interface OwnerWallet {
  id: string;
  name: string;
  /** `message` is the exact text (Solana) or the JSON typed data (EVM) the signer will verify. */
  sign(message: string): Promise<{ signature: string; address: string }>;
}
