import { createHash } from 'node:crypto';
import type { Address, Hex } from 'viem';

/** What an approval binds to: where the call goes, what it carries and does, on which chain. */
export interface EvmContent {
  chainId: number;
  to: Address;
  value: bigint;
  data: Hex;
}

const DOMAIN = 'waiaas/evm/content/v1';

/**
 * sha256 (hex) over a canonical text: a domain tag, then chain id and value in decimal, address
 * and calldata in lower-case hex, one per line. Fees, gas and the nonce are left out on purpose:
 * a rebuild for fresh fees or a new nonce keeps the Owner's approval valid, but anything that
 * changes who gets what does not.
 */
export function evmContentDigest(content: EvmContent): string {
  const text = [DOMAIN, content.chainId, content.to.toLowerCase(), content.value.toString(10), content.data.toLowerCase()].join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
