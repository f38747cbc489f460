import { generateKeyPairSync, sign } from 'node:crypto';
import { getBase58Decoder } from '@solana/kit';
import { type CosignRequest, cosignText, cosignTypedData } from '@waiaas/protocol';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';

/** The Owner's own wallet, as the test plays it: a real key that signs what the wallet would show. */
export interface OwnerWallet {
  chain: 'solana' | 'evm';
  address: string;
  sign(request: CosignRequest): Promise<string>;
}

/** An EVM Owner (MetaMask): EIP-712 typed data signed with secp256k1. */
export function evmOwnerWallet(): OwnerWallet {
  const account = privateKeyToAccount(generatePrivateKey());
  return {
    chain: 'evm',
    address: account.address,
    sign: (request) => account.signTypedData(cosignTypedData(request.fields)),
  };
}

/** A Solana Owner (Phantom): the UTF-8 text signed with Ed25519. */
export function solanaOwnerWallet(): OwnerWallet {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const base58 = getBase58Decoder();
  return {
    chain: 'solana',
    address: base58.decode(raw),
    sign: async (request) => base58.decode(sign(null, Buffer.from(cosignText(request.fields), 'utf8'), privateKey)),
  };
}
