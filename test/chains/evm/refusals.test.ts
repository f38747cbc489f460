import { type Address, encodeFunctionData, erc20Abi, getAddress, maxUint256, parseEther } from 'viem';
import { setCode } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionIntent } from '../../../signer/src/chain/chain-adapter.js';
import type { EvmSigner } from '../../../signer/src/keystore/index.js';
import { deployErc20 } from './erc20.js';
import { type EvmHarness, startEvmHarness } from './evm-harness.js';

/** Mixed case with one letter's case flipped: a typo EIP-55 exists to catch. */
const BAD_CHECKSUM = '0x5fbDB2315678afecb367f032d93F642f64180aa3';
const NOT_A_CONTRACT = '0x000000000000000000000000000000000000dEaD';
const REVERTS_EVERYTHING = getAddress('0x00000000000000000000000000000000000c0de5');

describe('intents the EVM adapter refuses before anything is signed', () => {
  let h: EvmHarness;
  let alice: EvmSigner;
  let signatures = 0;
  let token: Address;

  beforeAll(async () => {
    h = await startEvmHarness();
    const real = await h.wallet(parseEther('1'));
    // The real keystore signer, counting the hashes it is asked to sign.
    alice = {
      ...real,
      signHash: (hash) => {
        signatures++;
        return real.signHash(hash);
      },
    };
    token = await deployErc20(h.anvil, { supply: 1_000n, owner: alice.address });
    // A contract with code that reverts on every call: not an ERC-20.
    await setCode(h.anvil.testClient, { address: REVERTS_EVERYTHING, bytecode: '0x60006000fd' });
  });
  afterAll(() => h?.close());

  /** The whole path a send takes (build → sign → submit); each of these stops at build. */
  const refused = (intent: TransactionIntent, from: string = alice.address) =>
    from === alice.address ? h.send(alice, intent) : h.adapter.build(from, intent);

  it.each<[string, TransactionIntent, { code: string; message?: string }]>([
    ['a recipient with a bad checksum', { type: 'TRANSFER', to: BAD_CHECKSUM, amount: 1n }, {
      code: 'CHAIN__INVALID_ADDRESS',
      message: `"${BAD_CHECKSUM}" is not a valid evm address.`,
    }],
    ['a recipient that is not an address', { type: 'TRANSFER', to: 'vitalik.eth', amount: 1n }, { code: 'CHAIN__INVALID_ADDRESS' }],
    ['a zero amount', { type: 'TRANSFER', to: NOT_A_CONTRACT, amount: 0n }, {
      code: 'AMOUNT__INVALID',
      message: 'Amount "0" is invalid: it must be greater than zero.',
    }],
    ['a negative amount', { type: 'TRANSFER', to: NOT_A_CONTRACT, amount: -5n }, {
      code: 'AMOUNT__INVALID',
      message: 'Amount "-5" is invalid: it must be greater than zero.',
    }],
    ['a negative token amount', { type: 'TOKEN_TRANSFER', token: NOT_A_CONTRACT, to: NOT_A_CONTRACT, amount: -1n }, { code: 'AMOUNT__INVALID' }],
    ['an amount beyond uint256', { type: 'TRANSFER', to: NOT_A_CONTRACT, amount: maxUint256 + 1n }, {
      code: 'AMOUNT__INVALID',
      message: `Amount "${maxUint256 + 1n}" is invalid: it does not fit in 256 bits.`,
    }],
    ['a token with no contract behind it', { type: 'TOKEN_TRANSFER', token: NOT_A_CONTRACT, to: NOT_A_CONTRACT, amount: 1n }, {
      code: 'CHAIN__UNKNOWN_TOKEN',
      message: `Token ${NOT_A_CONTRACT} does not exist on anvil.`,
    }],
    ['a token contract that is not an ERC-20', { type: 'TOKEN_TRANSFER', token: REVERTS_EVERYTHING, to: NOT_A_CONTRACT, amount: 1n }, {
      code: 'CHAIN__UNKNOWN_TOKEN',
    }],
    ['an approval of an unknown token', { type: 'APPROVE', token: NOT_A_CONTRACT, spender: NOT_A_CONTRACT, amount: 1n }, { code: 'CHAIN__UNKNOWN_TOKEN' }],
    ['calldata that does not match its abi', {
      type: 'CONTRACT_CALL',
      to: NOT_A_CONTRACT,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [NOT_A_CONTRACT, 1n] }),
      abi: erc20Abi,
      functionName: 'transfer',
    }, { code: 'CHAIN__INVALID_CALL', message: 'The contract call is invalid: the calldata calls approve, not transfer.' }],
    ['args that do not match the abi', { type: 'CONTRACT_CALL', to: NOT_A_CONTRACT, abi: erc20Abi, functionName: 'transfer', args: [NOT_A_CONTRACT] }, {
      code: 'CHAIN__INVALID_CALL',
    }],
    ['Solana accounts on an EVM call', { type: 'CONTRACT_CALL', to: NOT_A_CONTRACT, data: '0x', accounts: [] }, {
      code: 'CHAIN__INVALID_CALL',
      message: 'The contract call is invalid: accounts are Solana-only.',
    }],
    ['a batch', { type: 'BATCH', calls: [{ type: 'TRANSFER', to: NOT_A_CONTRACT, amount: 1n }] }, {
      code: 'CHAIN__UNSUPPORTED',
      message: 'An atomic batch from a plain EVM account is not supported on evm.',
    }],
    ['a memo', { type: 'TRANSFER', to: NOT_A_CONTRACT, amount: 1n, memo: 'invoice 42' }, {
      code: 'CHAIN__UNSUPPORTED',
      message: 'A memo is not supported on evm.',
    }],
    ['an unlimited approval', { type: 'APPROVE', token: NOT_A_CONTRACT, spender: NOT_A_CONTRACT, amount: maxUint256 }, { code: 'CHAIN__INVALID_CALL' }],
    ['an unlimited approval dressed as a contract call', {
      type: 'CONTRACT_CALL',
      to: NOT_A_CONTRACT,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [NOT_A_CONTRACT, maxUint256] }),
    }, {
      code: 'CHAIN__INVALID_CALL',
      message: 'The contract call is invalid: an unlimited (2^256-1) approval is refused; approve the amount needed.',
    }],
  ])('refuses %s', async (_name, intent, expected) => {
    await expect(refused(intent)).rejects.toMatchObject(expected);
  });

  it('refuses a sender address with a bad checksum', async () => {
    await expect(refused({ type: 'TRANSFER', to: NOT_A_CONTRACT, amount: 1n }, BAD_CHECKSUM)).rejects.toMatchObject({ code: 'CHAIN__INVALID_ADDRESS' });
  });

  it('signed nothing, and burnt no nonce: the next good intent gets nonce 0 and lands', async () => {
    expect(signatures).toBe(0);
    const sent = await h.send(alice, { type: 'TOKEN_TRANSFER', token, to: NOT_A_CONTRACT, amount: 1n });
    expect(sent.signed.validity.nonce).toBe(0);
    expect(signatures).toBe(1);
  });

  it('tells EVM addresses apart: EIP-55 or all lower case, nothing else', () => {
    expect(h.adapter.isValidAddress('0x5FbDB2315678afecb367f032d93F642f64180aa3')).toBe(true);
    expect(h.adapter.isValidAddress('0x5fbdb2315678afecb367f032d93f642f64180aa3')).toBe(true);
    expect(h.adapter.isValidAddress(BAD_CHECKSUM)).toBe(false);
    expect(h.adapter.isValidAddress('0x5FbDB2315678afecb367f032d93F642f64180aa')).toBe(false);
    expect(h.adapter.isValidAddress('So11111111111111111111111111111111111111112')).toBe(false);
  });
});
