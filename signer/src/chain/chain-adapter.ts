import type { Chain } from '@waiaas/protocol';
import type { AgentSigner } from '../keystore/index.js';

/** A network from config.toml's [networks.<name>] tables. */
export interface Network {
  name: string;
  family: Chain;
  rpcUrl: string;
  /** EVM only. */
  chainId?: number;
}

/** What an agent asks for, already parsed: amounts are bigints in the smallest unit. */
export type TransactionIntent =
  | { type: 'TRANSFER'; to: string; amount: bigint; memo?: string }
  | { type: 'TOKEN_TRANSFER'; token: string; to: string; amount: bigint; memo?: string }
  | { type: 'APPROVE'; token: string; spender: string; amount: bigint }
  | {
      type: 'CONTRACT_CALL';
      /** EVM: contract address. Solana: program id. */
      to: string;
      /** EVM: raw calldata (0x…), or abi + functionName + args. Solana: instruction data, base64. */
      data?: string;
      abi?: readonly unknown[];
      functionName?: string;
      args?: readonly unknown[];
      value?: bigint;
      /** Solana only: the instruction's accounts. */
      accounts?: readonly { address: string; isSigner: boolean; isWritable: boolean }[];
    }
  | { type: 'BATCH'; calls: readonly Exclude<TransactionIntent, { type: 'BATCH' }>[] };

/**
 * A built transaction, ready to sign. JSON-safe (bigints as decimal strings, bytes as base64/hex)
 * because the pipeline persists it before signing.
 */
export interface UnsignedTransaction {
  family: Chain;
  network: string;
  /** Adapter-specific, opaque to the pipeline, persisted as JSON. */
  payload: Record<string, unknown>;
  /** Digest of what will be signed, excluding fees and (Solana) the blockhash: approvals bind to it. */
  contentDigest: string;
}

/** A signed transaction, persisted before it is sent so a restart re-sends it, never re-signs it. */
export interface SignedTransaction {
  family: Chain;
  network: string;
  /** Base64 (Solana wire format) or 0x-hex (EVM raw transaction). */
  raw: string;
  /** The id a block explorer would show: Solana signature (base58) or EVM tx hash. */
  hash: string;
  /** Solana: last valid block height; EVM: nonce. Used to tell "expired" from "pending". */
  validity: { lastValidBlockHeight?: string; nonce?: number };
}

export interface BalanceChange {
  /** 'native' or the token's address / mint. */
  asset: string;
  /** Signed delta in the smallest unit, fees included for the native asset. */
  delta: bigint;
}

export interface SimulationResult {
  ok: boolean;
  balanceChanges: BalanceChange[];
  fee: bigint;
  error?: string;
}

export type ConfirmationStatus =
  | { status: 'pending' }
  | { status: 'confirmed'; blockNumber?: bigint }
  | { status: 'failed'; reason: string }
  /** Solana: blockhash expired without landing; EVM: nonce taken by another transaction. */
  | { status: 'expired' };

export interface Asset {
  asset: string;
  symbol?: string;
  decimals: number;
  balance: bigint;
}

/**
 * One interface for every chain family. Adapters throw WaiaasError with CHAIN__* codes; RPC
 * trouble is CHAIN__RPC_UNAVAILABLE (retry), a stale build is CHAIN__BLOCKHASH_EXPIRED /
 * CHAIN__NONCE_TOO_LOW (rebuild), everything else is permanent.
 */
export interface ChainAdapter {
  readonly family: Chain;
  readonly network: Network;
  isValidAddress(address: string): boolean;
  build(from: string, intent: TransactionIntent): Promise<UnsignedTransaction>;
  simulate(from: string, tx: UnsignedTransaction): Promise<SimulationResult>;
  sign(tx: UnsignedTransaction, signer: AgentSigner): Promise<SignedTransaction>;
  /** Idempotent: sending the same signed transaction twice never makes a second payment. */
  submit(tx: SignedTransaction): Promise<void>;
  confirm(tx: SignedTransaction): Promise<ConfirmationStatus>;
  getBalance(address: string): Promise<bigint>;
  getAssets(address: string): Promise<Asset[]>;
}
