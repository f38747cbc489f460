import type { agent } from '@waiaas/protocol';

/** The calls of a request: its own, or each call of a batch. */
export const singleCalls = (call: agent.TransactionCall): readonly agent.BatchableCall[] =>
  call.type === 'BATCH' ? call.calls : [call];
