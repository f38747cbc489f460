/* The EVM adapter's public surface; the rest of this folder is its implementation. */
export { type EvmAdapterOptions, createEvmAdapter } from './create-evm-adapter.js';
export { type NonceManager, createMemoryNonceManager } from './nonce-manager.js';
export { evmContentDigest } from './content-digest.js';
export type { EvmPayload } from './evm-payload.js';
