import { type agent, WaiaasError } from '@waiaas/protocol';
import { hexToBytes } from 'viem';
import type { SessionRow } from '../session/session-store.js';
import { toRsvHex } from './evm-signature.js';
import { typedDataDigest } from './evm-typed-data.js';
import { type SigningDeps, signAudited } from './sign-audited.js';

/** Signs EIP-712 typed data with an EVM wallet; the policy must list its domain. */
export function signTypedData(deps: SigningDeps, session: SessionRow, request: agent.SignTypedDataRequest): Promise<agent.SignatureResponse> {
  return signAudited(deps, session, 'typedData', (signer) => {
    if (signer.chain !== 'evm') throw new WaiaasError('CHAIN__UNSUPPORTED', { chain: signer.chain, feature: 'EIP-712 typed-data signing' });
    const { domain, primaryType } = request.typedData;
    const digest = typedDataDigest(request.typedData);
    const named = { chainId: domain.chainId, verifyingContract: domain.verifyingContract, name: domain.name };
    return {
      subject: { kind: 'typedData', primaryType, domain: named },
      digest,
      details: { primaryType, domain: named },
      sign: async () => toRsvHex(await signer.signHash(hexToBytes(digest))),
    };
  });
}
