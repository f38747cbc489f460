import { type agent, WaiaasError } from '@waiaas/protocol';
import { BaseError, type Hex, hashTypedData, type TypedDataDefinition, validateTypedData } from 'viem';

const MAX_DEPTH = 32;

/**
 * The EIP-712 digest of typed data the protocol schema has already shaped. viem checks the types and
 * values (unknown types, out-of-range integers, bad addresses); first every field the types name must
 * be present, since viem would otherwise fail on a missing one with a bare TypeError.
 */
export function typedDataDigest(typedData: agent.TypedData): Hex {
  assertComplete(typedData.types, typedData.primaryType, typedData.message, 'message', 0);
  // The schema shaped it; viem checks it below, at run time, which its types cannot express.
  const definition = typedData as unknown as TypedDataDefinition;
  try {
    validateTypedData(definition);
    return hashTypedData(definition);
  } catch (error) {
    // viem's errors name the field and type at fault; a bigint conversion failure names the value.
    const reason = error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error);
    throw invalid(reason.length > 200 ? `${reason.slice(0, 200)}…` : reason);
  }
}

function assertComplete(types: agent.TypedData['types'], type: string, value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw invalid(`${path} is nested deeper than ${MAX_DEPTH} levels`);
  const array = /^(.+)\[([0-9]*)\]$/.exec(type);
  if (array) {
    const [, item = '', length] = array;
    if (!Array.isArray(value)) throw invalid(`${path} must be an array (${type})`);
    if (length && value.length !== Number(length)) throw invalid(`${path} must hold ${length} items (${type})`);
    value.forEach((v: unknown, i) => assertComplete(types, item, v, `${path}[${i}]`, depth + 1));
    return;
  }
  const fields = types[type];
  if (value === undefined || value === null) throw invalid(`${path} is missing`);
  if (!fields) return;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`${path} must be an object (${type})`);
  const record = value as Record<string, unknown>;
  for (const field of fields) assertComplete(types, field.type, record[field.name], `${path}.${field.name}`, depth + 1);
}

const invalid = (reason: string) => new WaiaasError('SIGNING__INVALID_TYPED_DATA', { reason });
