import type { agent } from '@waiaas/protocol';
import type { TransactionIntent } from '../chain/chain-adapter.js';

type Call = agent.TransactionCall;
type Single = Exclude<TransactionIntent, { type: 'BATCH' }>;

/** What the agent asked for, without the envelope (idempotency key, justification). */
export function callOf(request: agent.SendTransactionRequest): Call {
  const { idempotencyKey: _key, justification: _why, ...call } = request;
  return call;
}

/** Wire amounts (decimal strings) become bigints here, at the edge, and stay bigints inside. */
export function toIntent(call: Call): TransactionIntent {
  if (call.type === 'BATCH') return { type: 'BATCH', calls: call.calls.map((c) => toSingle(c)) };
  return toSingle(call);
}

function toSingle(call: agent.BatchableCall): Single {
  switch (call.type) {
    case 'TRANSFER':
      return { type: 'TRANSFER', to: call.to, amount: BigInt(call.amount), memo: call.memo };
    case 'TOKEN_TRANSFER':
      return { type: 'TOKEN_TRANSFER', token: call.token, to: call.to, amount: BigInt(call.amount), memo: call.memo };
    case 'APPROVE':
      return { type: 'APPROVE', token: call.token, spender: call.spender, amount: BigInt(call.amount) };
    case 'CONTRACT_CALL':
      return {
        type: 'CONTRACT_CALL',
        to: call.to,
        data: call.data,
        abi: call.abi,
        functionName: call.functionName,
        args: call.args,
        value: call.value === undefined ? undefined : BigInt(call.value),
        accounts: call.accounts,
      };
  }
}
