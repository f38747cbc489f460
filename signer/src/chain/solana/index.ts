/* The Solana adapter's public surface; the rest of this folder is its implementation. */
export { type SolanaAdapterOptions, createSolanaAdapter } from './create-solana-adapter.js';
