import type { agent, Chain } from '@waiaas/protocol';

export const NATIVE_ASSET = 'native';

/**
 * What a request spends, per asset, in the smallest unit: the native amount moved (transfers and
 * call values) and each token moved. Approvals move nothing now and are capped by their own rule.
 * EVM token addresses are lower-cased so one token cannot hide behind another spelling.
 * With `approvals`, an approval counts as what it lets the spender move: the policy's exposure.
 */
export function spendOf(call: agent.TransactionCall, chain: Chain, opts: { approvals?: boolean } = {}): Map<string, bigint> {
  const spend = new Map<string, bigint>();
  const add = (asset: string, amount: bigint) => {
    const key = chain === 'evm' && asset !== NATIVE_ASSET ? asset.toLowerCase() : asset;
    spend.set(key, (spend.get(key) ?? 0n) + amount);
  };
  for (const c of call.type === 'BATCH' ? call.calls : [call]) {
    if (c.type === 'TRANSFER') add(NATIVE_ASSET, BigInt(c.amount));
    if (c.type === 'TOKEN_TRANSFER') add(c.token, BigInt(c.amount));
    if (c.type === 'CONTRACT_CALL' && c.value !== undefined) add(NATIVE_ASSET, BigInt(c.value));
    if (c.type === 'APPROVE' && opts.approvals) add(c.token, BigInt(c.amount));
  }
  return spend;
}
