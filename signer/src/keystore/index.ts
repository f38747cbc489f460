/*
 * The keystore's public surface. Nothing outside this folder may import its other files: they are
 * the only code that touches key bytes.
 */
export type { AgentSigner, Chain, EvmSignature, EvmSigner, SolanaSigner } from './agent-signer.js';
export { type KdfParams, DEFAULT_KDF_PARAMS, MIN_KDF_PARAMS } from './kdf.js';
export type { Keystore } from './keystore.js';
export { initKeystore, keystoreExists } from './init-keystore.js';
export { unlockKeystore } from './unlock-keystore.js';
