import { type agent, type Chain, formatAmount, NATIVE_UNITS } from '@waiaas/protocol';

export interface CallInWords {
  summary: string;
  amount: string;
  recipient: string;
}

/**
 * A request in words for the Owner's wallet prompt. Token amounts stay in base units with the token
 * named: a symbol or decimals read from the token would be the token's own claim, not a fact.
 */
export function describeCall(call: agent.TransactionCall, chain: Chain): CallInWords {
  switch (call.type) {
    case 'TRANSFER': {
      const amount = formatAmount(BigInt(call.amount), NATIVE_UNITS[chain]);
      return { summary: `Send ${amount} to ${call.to}`, amount, recipient: call.to };
    }
    case 'TOKEN_TRANSFER': {
      const amount = `${call.amount} base units of token ${call.token}`;
      return { summary: `Send ${amount} to ${call.to}`, amount, recipient: call.to };
    }
    case 'APPROVE': {
      const amount = `${call.amount} base units of token ${call.token}`;
      return { summary: `Allow ${call.spender} to spend up to ${amount}`, amount, recipient: call.spender };
    }
    case 'CONTRACT_CALL': {
      const value = call.value && call.value !== '0' ? formatAmount(BigInt(call.value), NATIVE_UNITS[chain]) : '—';
      const what = call.functionName ? `${call.functionName}()` : call.data ? `data ${call.data.slice(0, 10)}…` : 'an instruction';
      return { summary: `Call ${what} on ${call.to}${value === '—' ? '' : ` sending ${value}`}`, amount: value, recipient: call.to };
    }
    case 'BATCH': {
      const parts = call.calls.map((c) => describeCall(c, chain));
      return {
        summary: `${parts.length} operations in one transaction: ${parts.map((p) => p.summary).join('; ')}`.slice(0, 500),
        amount: parts.map((p) => p.amount).join(' + ').slice(0, 200),
        recipient: parts.map((p) => p.recipient).join(', ').slice(0, 200),
      };
    }
  }
}
