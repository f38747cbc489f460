import { type agent, type Chain, WaiaasError } from '@waiaas/protocol';
import { encodeContractCall } from '../../chain/evm/encode-contract-call.js';
import type { RuleEvaluator } from '../policy-context.js';
import { singleCalls } from '../single-calls.js';

/** The longest discriminator a rule can list (Anchor's 8 bytes): what a refusal shows of an instruction. */
const SHOWN_INSTRUCTION_BYTES = 8;

type ContractCall = Extract<agent.BatchableCall, { type: 'CONTRACT_CALL' }>;

/**
 * Contract / program calls are refused unless an allowlist names the contract or program and, when
 * the entry lists methods, the method: a 4-byte selector on EVM, a prefix of the instruction data
 * (its discriminator) on Solana. Each call of a batch is checked on its own.
 */
export const allowedContracts: RuleEvaluator<'ALLOWED_CONTRACTS'> = (rules, ctx) => {
  const contracts = rules.flatMap((r) => r.rule.contracts);
  for (const c of singleCalls(ctx.call)) {
    if (c.type !== 'CONTRACT_CALL') continue;
    const method = methodOf(ctx.chain, c);
    const allowed = contracts.some((k) => {
      if (ctx.norm(k.address) !== ctx.norm(c.to)) return false;
      // An entry listing the other chain's kind of method never matches: refuse rather than guess.
      const listed = ctx.chain === 'evm' ? k.selectors : k.discriminators;
      const other = ctx.chain === 'evm' ? k.discriminators : k.selectors;
      if (!listed) return !other;
      return listed.some((m) => (ctx.chain === 'evm' ? method === m.toLowerCase() : method.startsWith(m.toLowerCase())));
    });
    if (!allowed) {
      // A Solana refusal names the instruction when that is what is missing: the program is listed.
      const listed = contracts.some((k) => ctx.norm(k.address) === ctx.norm(c.to));
      const shown = ctx.chain === 'evm' ? method : listed ? method.slice(0, 2 + SHOWN_INSTRUCTION_BYTES * 2) : '0x';
      throw new WaiaasError('POLICY__CONTRACT_NOT_ALLOWED', { contract: c.to, selector: shown === '0x' ? null : shown });
    }
  }
  return null;
};

/**
 * What a call's method is compared by, as 0x-hex in lower case: on EVM the selector of the calldata
 * (the adapter has already checked calldata, ABI and args against each other before policy runs);
 * on Solana the whole instruction data, which a listed discriminator must begin with.
 */
function methodOf(chain: Chain, c: ContractCall): string {
  if (chain === 'evm') return encodeContractCall(c).slice(0, 10).toLowerCase();
  // The adapter has refused data that is not base64 before policy runs.
  return `0x${Buffer.from(c.data ?? '', 'base64').toString('hex')}`;
}
