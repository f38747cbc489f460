import type { agent, Chain, Policy } from '@waiaas/protocol';
import { singleCalls } from '../policy/single-calls.js';

export interface RecipientStanding {
  /** The Owner's name for the recipient; of a batch, the one name every recipient shares, else null. */
  recipientLabel: string | null;
  /** Every recipient is allowlisted, labelled, or (of a contract call) an allowed contract. */
  recipientKnown: boolean;
}

/** A narrower scope's label wins: the Owner named the address for that session or wallet on purpose. */
const SCOPE_RANK: Record<Policy['scope'], number> = { session: 0, wallet: 1, global: 2 };

/** The address a call pays or empowers, as `describeCall` shows it: payee, token recipient, spender, contract. */
function recipientOf(call: agent.BatchableCall): string {
  switch (call.type) {
    case 'TRANSFER':
    case 'TOKEN_TRANSFER':
    case 'CONTRACT_CALL':
      return call.to;
    case 'APPROVE':
      return call.spender;
  }
}

/**
 * How the rules that apply to a request (global, its wallet's, its session's) know its recipient,
 * so the Owner sees a name they gave, or a warning for an address never vetted. EVM addresses
 * compare case-insensitively, as the policy engine compares them.
 */
export function recipientStanding(policies: readonly Policy[], call: agent.TransactionCall, chain: Chain): RecipientStanding {
  const norm = (address: string) => (chain === 'evm' ? address.toLowerCase() : address);
  const labels = new Map<string, string>();
  const allowed = new Set<string>();
  const contracts = new Set<string>();
  for (const { rule } of [...policies].sort((a, b) => SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope])) {
    if (rule.type === 'RECIPIENT_ALLOWLIST') {
      for (const address of rule.addresses) allowed.add(norm(address));
      for (const [address, label] of Object.entries(rule.labels ?? {})) {
        if (!labels.has(norm(address))) labels.set(norm(address), label);
      }
    } else if (rule.type === 'ALLOWED_CONTRACTS') {
      for (const contract of rule.contracts) contracts.add(norm(contract.address));
    }
  }
  const standings = singleCalls(call).map((c) => {
    const recipient = norm(recipientOf(c));
    const known = allowed.has(recipient) || labels.has(recipient) || (c.type === 'CONTRACT_CALL' && contracts.has(recipient));
    return { label: labels.get(recipient) ?? null, known };
  });
  const names = new Set(standings.map((s) => s.label));
  return {
    recipientLabel: names.size === 1 ? ([...names][0] ?? null) : null,
    recipientKnown: standings.every((s) => s.known),
  };
}
