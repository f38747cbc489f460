import { isWaiaasError } from '@waiaas/protocol';
import {
  type TransactionSerializedEIP1559,
  bytesToHex,
  hexToBigInt,
  keccak256,
  parseTransaction,
  recoverTransactionAddress,
} from 'viem';
import { privateKeyToAccount, sign } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import type { UnsignedTransaction } from '../chain-adapter.js';
import type { EvmSigner, SolanaSigner } from '../../keystore/index.js';
import { evmContentDigest } from './content-digest.js';
import type { EvmPayload } from './evm-payload.js';
import { signTransaction } from './sign-transaction.js';

// A throwaway key for a fake signer: the real keystore is exercised in test/chains/evm.
const PRIVATE_KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const account = privateKeyToAccount(PRIVATE_KEY);
const signer: EvmSigner = {
  walletId: 'w1',
  chain: 'evm',
  address: account.address,
  async signHash(hash) {
    const { r, s, yParity } = await sign({ hash: bytesToHex(hash), privateKey: PRIVATE_KEY });
    return { r: hexToBigInt(r), s: hexToBigInt(s), yParity: yParity === 1 ? 1 : 0 };
  },
};
const expected = { network: 'sepolia', chainId: 11_155_111 };

function unsigned(overrides: Partial<EvmPayload> = {}): UnsignedTransaction {
  const payload: EvmPayload = {
    version: 1,
    kind: 'TRANSFER',
    from: account.address,
    chainId: 11_155_111,
    nonce: 7,
    to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    value: '1000000000000000',
    data: '0x',
    gas: '25200',
    maxFeePerGas: '3000000000',
    maxPriorityFeePerGas: '1000000000',
    ...overrides,
  };
  const contentDigest = evmContentDigest({ chainId: payload.chainId, to: payload.to, value: BigInt(payload.value), data: payload.data });
  return { family: 'evm', network: 'sepolia', payload, contentDigest };
}

function isEip1559(raw: string): raw is TransactionSerializedEIP1559 {
  return /^0x02([0-9a-f]{2})+$/.test(raw);
}

async function refusal(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    if (isWaiaasError(error, 'CHAIN__INVALID_CALL')) return error.message;
    throw error;
  }
  throw new Error('expected CHAIN__INVALID_CALL');
}

describe('signing an EVM transaction', () => {
  it('produces exactly what viem signing with the same key produces, and its keccak256 hash', async () => {
    const signed = await signTransaction(unsigned(), signer, expected);
    const reference = await account.signTransaction({
      type: 'eip1559',
      chainId: 11_155_111,
      nonce: 7,
      to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      value: 1_000_000_000_000_000n,
      data: '0x',
      gas: 25_200n,
      maxFeePerGas: 3_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
    });
    expect(signed).toEqual({ family: 'evm', network: 'sepolia', raw: reference, hash: keccak256(reference), validity: { nonce: 7 } });
    if (!isEip1559(signed.raw)) throw new Error('not an EIP-1559 transaction');
    expect(parseTransaction(signed.raw)).toMatchObject({ type: 'eip1559', nonce: 7, chainId: 11_155_111 });
    expect(await recoverTransactionAddress({ serializedTransaction: signed.raw })).toBe(account.address);
  });

  it('refuses a payload changed after its content digest was taken (the Owner approved the digest)', async () => {
    const tx = unsigned();
    const tampered = { ...tx, payload: { ...tx.payload, to: '0x0000000000000000000000000000000000000bad' } };
    expect(await refusal(signTransaction(tampered, signer, expected))).toBe(
      'The contract call is invalid: the payload does not match its content digest.',
    );
  });

  it('accepts changed fees, gas and nonce: they are outside the digest on purpose', async () => {
    const tx = unsigned();
    const rebuilt = { ...tx, payload: { ...tx.payload, nonce: 8, gas: '30000', maxFeePerGas: '4000000000' } };
    expect((await signTransaction(rebuilt, signer, expected)).validity).toEqual({ nonce: 8 });
  });

  it('refuses another wallet, network, chain id, signer family or a malformed payload', async () => {
    expect(await refusal(signTransaction(unsigned({ from: '0x5FbDB2315678afecb367f032d93F642f64180aa3' }), signer, expected))).toBe(
      `The contract call is invalid: the payload is from 0x5FbDB2315678afecb367f032d93F642f64180aa3, not ${account.address}.`,
    );
    expect(await refusal(signTransaction(unsigned(), signer, { ...expected, network: 'base' }))).toBe(
      'The contract call is invalid: the transaction was built for evm/sepolia, not evm/base.',
    );
    expect(await refusal(signTransaction(unsigned({ chainId: 1 }), signer, expected))).toBe(
      'The contract call is invalid: the payload is for chain 1, not 11155111.',
    );
    const solana: SolanaSigner = { walletId: 'w2', chain: 'solana', address: 'x', publicKey: new Uint8Array(32), signMessage: async () => new Uint8Array(64) };
    expect(await refusal(signTransaction(unsigned(), solana, expected))).toBe('The contract call is invalid: an EVM transaction needs an EVM signer.');
    const tx = unsigned();
    expect(await refusal(signTransaction({ ...tx, payload: { ...tx.payload, value: '-1' } }, signer, expected))).toBe(
      'The contract call is invalid: the stored EVM payload is malformed (value: want a decimal integer).',
    );
  });
});
