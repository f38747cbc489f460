import { isWaiaasError } from '@waiaas/protocol';
import { encodeFunctionData, erc20Abi } from 'viem';
import { describe, expect, it } from 'vitest';
import { encodeContractCall } from './encode-contract-call.js';

const SPENDER = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const approve = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [SPENDER, 1000n] });

function refusal(call: Parameters<typeof encodeContractCall>[0]): { code: string; message: string } {
  try {
    encodeContractCall(call);
  } catch (error) {
    if (isWaiaasError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('encoding a CONTRACT_CALL', () => {
  it('takes raw calldata as it is', () => {
    expect(encodeContractCall({ data: approve })).toBe(approve);
    expect(encodeContractCall({ data: '0x' })).toBe('0x');
  });

  it('encodes abi + functionName + args', () => {
    expect(encodeContractCall({ abi: erc20Abi, functionName: 'approve', args: [SPENDER, 1000n] })).toBe(approve);
  });

  it('accepts calldata with an abi when it decodes to that function and those args', () => {
    expect(encodeContractCall({ data: approve, abi: erc20Abi })).toBe(approve);
    expect(encodeContractCall({ data: approve, abi: erc20Abi, functionName: 'approve', args: [SPENDER, 1000n] })).toBe(approve);
  });

  it('refuses args that do not match the abi', () => {
    expect(refusal({ abi: erc20Abi, functionName: 'approve', args: ['not an address', 1000n] })).toEqual({
      code: 'CHAIN__INVALID_CALL',
      message: 'The contract call is invalid: args do not match approve in the abi (Address "not an address" is invalid).',
    });
    expect(refusal({ abi: erc20Abi, functionName: 'approve', args: [SPENDER] }).code).toBe('CHAIN__INVALID_CALL');
    expect(refusal({ abi: erc20Abi, functionName: 'mint', args: [] }).code).toBe('CHAIN__INVALID_CALL');
  });

  it('refuses calldata that does not decode against the abi it came with', () => {
    expect(refusal({ data: '0xdeadbeef', abi: erc20Abi }).message).toMatch(/^The contract call is invalid: the calldata does not decode against the abi/);
    expect(refusal({ data: approve, abi: erc20Abi, functionName: 'transfer' }).message).toBe(
      'The contract call is invalid: the calldata calls approve, not transfer.',
    );
    expect(refusal({ data: approve, abi: erc20Abi, args: [SPENDER, 999n] }).message).toBe(
      'The contract call is invalid: the calldata does not encode the given args.',
    );
  });

  it('refuses calldata with bytes its abi reading leaves out, so review and signature see the same call', () => {
    expect(refusal({ data: `${approve}00000000`, abi: erc20Abi }).message).toBe(
      'The contract call is invalid: the calldata holds bytes its abi encoding does not account for.',
    );
  });

  it('refuses malformed input: no calldata or abi, a name without abi, bad hex, a non-ABI', () => {
    expect(refusal({}).message).toBe('The contract call is invalid: give calldata (data) or an abi with a functionName.');
    expect(refusal({ functionName: 'approve' }).message).toBe('The contract call is invalid: functionName and args need an abi.');
    expect(refusal({ data: '0xabc' }).message).toBe('The contract call is invalid: calldata must be 0x-prefixed hex, whole bytes.');
    expect(refusal({ data: 'deadbeef' }).code).toBe('CHAIN__INVALID_CALL');
    expect(refusal({ abi: [{ name: 'x' }], functionName: 'x' }).message).toBe(
      'The contract call is invalid: the abi is not a JSON ABI (an array of entries, each with a known "type").',
    );
    expect(refusal({ abi: erc20Abi }).message).toBe('The contract call is invalid: an abi needs a functionName.');
  });
});
