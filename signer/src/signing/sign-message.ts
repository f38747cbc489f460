import { createHash } from 'node:crypto';
import { getBase58Decoder } from '@solana/kit';
import type { agent } from '@waiaas/protocol';
import { bytesToHex, hashMessage, hexToBytes } from 'viem';
import type { SessionRow } from '../session/session-store.js';
import { toRsvHex } from './evm-signature.js';
import { messageBytes } from './message-bytes.js';
import { type SigningDeps, signAudited } from './sign-audited.js';
import { assertIsNotTransactionShaped } from './solana-message-guard.js';

/**
 * Signs a plain message. EVM: EIP-191 personal_sign, so the signature can never pass for a
 * transaction's. Solana: Ed25519 over the bytes themselves, only for text or off-chain messages.
 */
export function signMessage(deps: SigningDeps, session: SessionRow, request: agent.SignMessageRequest): Promise<agent.SignatureResponse> {
  return signAudited(deps, session, 'message', (signer) => {
    const bytes = messageBytes(request);
    const details = { encoding: request.encoding, bytes: bytes.length };
    const subject = { kind: 'message' as const, bytes };
    if (signer.chain === 'evm') {
      const digest = hashMessage({ raw: bytes });
      return { subject, digest, details, sign: async () => toRsvHex(await signer.signHash(hexToBytes(digest))) };
    }
    assertIsNotTransactionShaped(bytes);
    const digest = bytesToHex(createHash('sha256').update(bytes).digest());
    return { subject, digest, details, sign: async () => getBase58Decoder().decode(await signer.signMessage(bytes)) };
  });
}
