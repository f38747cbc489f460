import {
  type Address,
  type Instruction,
  decompileTransactionMessage,
  getCompiledTransactionMessageDecoder,
} from '@solana/kit';
import { invalidPayload } from './solana-payload.js';

/** A compiled v0 message read back from its bytes: the facts sign, simulate and submit check. */
export interface SolanaMessage {
  feePayer: Address;
  /** How many signatures the message requires. */
  signerCount: number;
  blockhash: string;
  /** The static account keys that the transaction may write to, fee payer first. */
  writableAccounts: Address[];
  instructions: readonly Instruction[];
}

export function decodeSolanaMessage(messageBytes: Uint8Array): SolanaMessage {
  let compiled: ReturnType<ReturnType<typeof getCompiledTransactionMessageDecoder>['decode']>;
  let decompiled: ReturnType<typeof decompileTransactionMessage>;
  try {
    compiled = getCompiledTransactionMessageDecoder().decode(messageBytes);
    // Without lookup tables, decompiling refuses a message that uses any: we never build one.
    decompiled = decompileTransactionMessage(compiled);
  } catch (error) {
    throw invalidPayload('its message bytes do not decode as a transaction message', error);
  }
  if (compiled.version !== 0) throw invalidPayload(`it is a ${String(compiled.version)} message, not v0`);
  const { header, staticAccounts } = compiled;
  const writable = staticAccounts.filter((_, i) =>
    i < header.numSignerAccounts
      ? i < header.numSignerAccounts - header.numReadonlySignerAccounts
      : i < staticAccounts.length - header.numReadonlyNonSignerAccounts,
  );
  return {
    feePayer: decompiled.feePayer.address,
    signerCount: header.numSignerAccounts,
    blockhash: compiled.lifetimeToken,
    writableAccounts: writable,
    instructions: decompiled.instructions,
  };
}
