import { type CosignRequest, cosignText } from '@waiaas/protocol';
import bs58 from 'bs58';
import { CosignPageError, type OwnerWallet } from './owner-wallet';

/**
 * The part of a wallet-adapter `MessageSignerWalletAdapter` the window uses. Both adapters it
 * wraps fit: `StandardWalletAdapter` (its `signMessage` is absent when the account cannot sign
 * messages) and `PhantomWalletAdapter`.
 */
export interface SolanaMessageAdapter {
  readonly name: string;
  readonly publicKey: { toBase58(): string; toBytes(): Uint8Array } | null;
  connect(): Promise<void>;
  signMessage?: ((message: Uint8Array) => Promise<Uint8Array>) | undefined;
}

/** An Owner wallet over a Solana wallet adapter: connect, then sign the exact text the signer verifies. */
export function adapterOwnerWallet(adapter: SolanaMessageAdapter, id: string): OwnerWallet {
  const connect = async (): Promise<string> => {
    // A no-op when the adapter is connected already, so a retry does not prompt twice.
    await adapter.connect();
    const key = adapter.publicKey;
    if (!key) throw new CosignPageError('COSIGN_PAGE__NO_ACCOUNT', `${adapter.name} shared no account.`);
    return key.toBase58();
  };
  return {
    id,
    name: adapter.name,
    chain: 'solana',
    connect,
    async sign(request: CosignRequest) {
      if (request.format !== 'solana-message') throw new CosignPageError('COSIGN_PAGE__WRONG_FORMAT', `${adapter.name} signs Solana messages, not ${request.format}.`);
      const address = await connect();
      if (!adapter.signMessage) throw new CosignPageError('COSIGN_PAGE__CANNOT_SIGN_MESSAGES', `${adapter.name} cannot sign messages with this account.`);
      const message = new TextEncoder().encode(cosignText(request.fields));
      const signature: unknown = await adapter.signMessage(message);
      if (!(signature instanceof Uint8Array) || signature.length !== 64) throw new CosignPageError('COSIGN_PAGE__BAD_SIGNATURE', `${adapter.name} returned no Ed25519 signature.`);
      const key = adapter.publicKey;
      if (!key || key.toBase58() !== address) throw new CosignPageError('COSIGN_PAGE__ACCOUNT_CHANGED', `${adapter.name} switched accounts while signing.`);
      // The adapter hands back the signature alone. The signer verifies it over the text it issued,
      // so a wallet that signed other bytes (or with another key) would only be refused there:
      // check here too, and tell the Owner now.
      if ((await ed25519Verifies(key.toBytes(), message, signature)) === false) {
        throw new CosignPageError('COSIGN_PAGE__BAD_SIGNATURE', `${adapter.name} signed something other than the message shown, or with another key than ${address}.`);
      }
      return { signature: bs58.encode(signature), address };
    },
  };
}

/** `undefined` when this browser cannot check Ed25519 (WebCrypto without it): the signer still does. */
async function ed25519Verifies(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean | undefined> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return undefined;
  }
  return crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(signature), new Uint8Array(message));
}
