import { WaiaasError } from '@waiaas/protocol';
import { type Abi, BaseError, type Hex, decodeFunctionData, encodeFunctionData, isHex } from 'viem';

/** The EVM half of a CONTRACT_CALL intent. */
export interface ContractCallInput {
  data?: string;
  abi?: readonly unknown[];
  functionName?: string;
  args?: readonly unknown[];
}

/**
 * The calldata a CONTRACT_CALL sends, or CHAIN__INVALID_CALL. Raw calldata is taken as is; with
 * an ABI it is encoded from functionName + args; calldata given together with an ABI must decode
 * against it and re-encode to the very same bytes, so what a reviewer reads decoded is exactly
 * what is signed (no trailing bytes, no second reading of the same data).
 */
export function encodeContractCall(call: ContractCallInput): Hex {
  const { data, abi, functionName, args } = call;
  if (abi === undefined) {
    if (functionName !== undefined || args !== undefined) throw invalidCall('functionName and args need an abi');
    if (data === undefined) throw invalidCall('give calldata (data) or an abi with a functionName');
    return assertCalldata(data);
  }
  if (!isAbi(abi)) throw invalidCall('the abi is not a JSON ABI (an array of entries, each with a known "type")');
  if (data !== undefined) return checkAgainstAbi(abi, assertCalldata(data), functionName, args);
  if (functionName === undefined) throw invalidCall('an abi needs a functionName');
  return encode(abi, functionName, args ?? []);
}

function checkAgainstAbi(abi: Abi, data: Hex, functionName: string | undefined, args: readonly unknown[] | undefined): Hex {
  let decoded: { functionName: string; args: readonly unknown[] };
  try {
    const result = decodeFunctionData({ abi, data });
    decoded = { functionName: result.functionName, args: result.args ?? [] };
  } catch (error) {
    throw invalidCall(`the calldata does not decode against the abi (${describe(error)})`);
  }
  if (functionName !== undefined && functionName !== decoded.functionName) {
    throw invalidCall(`the calldata calls ${decoded.functionName}, not ${functionName}`);
  }
  if (encode(abi, decoded.functionName, decoded.args).toLowerCase() !== data.toLowerCase()) {
    throw invalidCall('the calldata holds bytes its abi encoding does not account for');
  }
  if (args !== undefined && encode(abi, decoded.functionName, args).toLowerCase() !== data.toLowerCase()) {
    throw invalidCall('the calldata does not encode the given args');
  }
  return data;
}

function encode(abi: Abi, functionName: string, args: readonly unknown[]): Hex {
  try {
    return encodeFunctionData({ abi, functionName, args });
  } catch (error) {
    throw invalidCall(`args do not match ${functionName} in the abi (${describe(error)})`);
  }
}

function assertCalldata(data: string): Hex {
  if (!isHex(data, { strict: true, even: true })) throw invalidCall('calldata must be 0x-prefixed hex, whole bytes');
  return data;
}

const ABI_ENTRY_TYPES = new Set(['function', 'event', 'error', 'constructor', 'fallback', 'receive']);

/** Shape only; viem rejects a malformed entry when it is used, and that also becomes CHAIN__INVALID_CALL. */
export function isAbi(value: readonly unknown[]): value is Abi {
  return value.every(
    (entry) =>
      typeof entry === 'object' && entry !== null && 'type' in entry && typeof entry.type === 'string' && ABI_ENTRY_TYPES.has(entry.type),
  );
}

function describe(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage.replace(/\.$/, '');
  return error instanceof Error ? error.message : String(error);
}

function invalidCall(reason: string): WaiaasError<'CHAIN__INVALID_CALL'> {
  return new WaiaasError('CHAIN__INVALID_CALL', { reason });
}
