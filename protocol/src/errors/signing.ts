import type { ErrorDefinitions } from './define.js';

/** Off-chain signing by agents (messages and EIP-712 typed data). Contexts never hold the message itself. */
export const signingErrors = {
  SIGNING__INVALID_MESSAGE: {
    status: 400,
    message: (c: { reason: string }) => `The message cannot be signed: ${c.reason}.`,
  },
  SIGNING__MESSAGE_LOOKS_LIKE_TRANSACTION: {
    status: 400,
    message: (c: { reason: string }) =>
      `Refused: these bytes could be read as a Solana transaction (${c.reason}). Sign UTF-8 text, or an off-chain message that starts with "\\xffsolana offchain".`,
  },
  SIGNING__INVALID_TYPED_DATA: {
    status: 400,
    message: (c: { reason: string }) => `The typed data is not valid EIP-712: ${c.reason}.`,
  },
  /**
   * A policy refusal, so it sits in the POLICY namespace beside the other refusals (clients that
   * treat POLICY__* alike keep doing so); it is declared here with the feature it guards.
   */
  POLICY__SIGNING_NOT_ALLOWED: {
    status: 403,
    message: (c: { kind: 'message' | 'typedData'; reason: string }) =>
      `${c.kind === 'message' ? 'Message' : 'Typed-data'} signing is not allowed for this wallet: ${c.reason}. The Owner can allow it with "waiaas policy set allowed-signing${c.kind === 'message' ? ' --messages' : ' --domain <chainId>:<verifyingContract>'}".`,
  },
} satisfies ErrorDefinitions;
