import { WaiaasError } from '@waiaas/protocol';
import { encodeContractCall } from '../../chain/evm/encode-contract-call.js';
import type { RuleEvaluator } from '../policy-context.js';
import { singleCalls } from '../single-calls.js';

/** Contract / program calls are refused unless an allowlist names the contract (and, on EVM, the method). */
export const allowedContracts: RuleEvaluator<'ALLOWED_CONTRACTS'> = (rules, ctx) => {
  const contracts = rules.flatMap((r) => r.rule.contracts);
  for (const c of singleCalls(ctx.call)) {
    if (c.type !== 'CONTRACT_CALL') continue;
    // The adapter has already checked calldata, ABI and args against each other before policy runs.
    const selector = ctx.chain === 'evm' ? encodeContractCall(c).slice(0, 10).toLowerCase() : null;
    const allowed = contracts.some(
      (k) =>
        ctx.norm(k.address) === ctx.norm(c.to) &&
        (!k.selectors || (selector !== null && k.selectors.map((s) => s.toLowerCase()).includes(selector))),
    );
    if (!allowed) throw new WaiaasError('POLICY__CONTRACT_NOT_ALLOWED', { contract: c.to, selector });
  }
  return null;
};
