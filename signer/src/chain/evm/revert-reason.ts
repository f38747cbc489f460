import { BaseError, ExecutionRevertedError, type Hex, decodeErrorResult, isHex } from 'viem';

/**
 * The revert reason in an eth_call / eth_estimateGas failure, or undefined if the node did not
 * report a revert. Decodes the revert data itself (Error(string), Panic(uint256), or a custom
 * error's selector) instead of trusting each node's wording.
 */
export function revertReason(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((e) => e instanceof ExecutionRevertedError);
  const data = revertData(error);
  if (reverted === null && data === undefined) return undefined;
  if (data === undefined || data === '0x') return 'execution reverted without a reason';
  return describeRevertData(data);
}

export function describeRevertData(data: Hex): string {
  try {
    const decoded = decodeErrorResult({ abi: [], data });
    if (decoded.errorName === 'Error') return String(decoded.args[0]);
    if (decoded.errorName === 'Panic') {
      const code = Number(decoded.args[0]);
      return `panic 0x${code.toString(16)}: ${PANIC_REASONS.get(code) ?? 'unknown panic code'}`;
    }
  } catch {
    // A custom error this adapter has no ABI for.
  }
  return `custom error ${data.slice(0, 10)}`;
}

/** Solidity's Panic(uint256) codes (the same table viem keeps internally but does not export). */
const PANIC_REASONS = new Map<number, string>([
  [0x01, 'assertion failed'],
  [0x11, 'arithmetic overflow or underflow'],
  [0x12, 'division or modulo by zero'],
  [0x21, 'conversion to an invalid enum value'],
  [0x22, 'invalid storage byte array encoding'],
  [0x31, 'pop on an empty array'],
  [0x32, 'array index out of bounds'],
  [0x41, 'out of memory'],
  [0x51, 'call to an uninitialised function pointer'],
]);

/** The `data` a node attaches to a JSON-RPC revert error (code 3). */
function revertData(error: BaseError): Hex | undefined {
  const withData = error.walk(
    (e) => typeof e === 'object' && e !== null && 'data' in e && typeof e.data === 'string' && isHex(e.data),
  );
  if (withData === null || !('data' in withData) || typeof withData.data !== 'string' || !isHex(withData.data)) return undefined;
  return withData.data;
}
