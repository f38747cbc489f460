import { WaiaasError } from '@waiaas/protocol';
import {
  BaseError,
  HttpRequestError,
  LimitExceededRpcError,
  ResourceUnavailableRpcError,
  SocketClosedError,
  TimeoutError,
  WebSocketRequestError,
} from 'viem';
import type { Network } from '../chain-adapter.js';

/**
 * Why the node could not be reached, in words safe to show and log, or undefined if the node did
 * answer (a revert, a rejected transaction: those are the caller's to interpret). The reason never
 * quotes viem's message, which carries the RPC URL, and RPC URLs often embed an API key.
 */
export function rpcUnavailableReason(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const status = httpStatus(error);
  if (status !== undefined && (status >= 500 || status === 408 || status === 429)) return `HTTP ${status}`;
  if (error.walk((e) => e instanceof TimeoutError) !== null) return 'the node did not answer in time';
  if (error.walk((e) => e instanceof LimitExceededRpcError) !== null) return 'rate limited by the node';
  if (error.walk((e) => e instanceof ResourceUnavailableRpcError) !== null) return 'the node has no resources available';
  if (error.walk((e) => e instanceof SocketClosedError || e instanceof WebSocketRequestError) !== null) {
    return 'the connection closed';
  }
  const http = error.walk((e) => e instanceof HttpRequestError);
  if (http instanceof HttpRequestError) {
    if (http.status !== undefined) return `HTTP ${http.status}`;
    const code = systemErrorCode(http);
    return code === 'ECONNREFUSED' ? 'connection refused' : `network error${code ? ` (${code})` : ''}`;
  }
  return undefined;
}

/** Runs one RPC action; a transport failure becomes CHAIN__RPC_UNAVAILABLE, anything else passes through. */
export async function withRpc<T>(network: Network, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw toRpcUnavailable(network, error) ?? error;
  }
}

export function toRpcUnavailable(network: Network, error: unknown): WaiaasError<'CHAIN__RPC_UNAVAILABLE'> | undefined {
  const reason = rpcUnavailableReason(error);
  if (reason === undefined) return undefined;
  return new WaiaasError('CHAIN__RPC_UNAVAILABLE', { network: network.name, reason }, { cause: error });
}

/** The node's own words (JSON-RPC error.message), lower-cased, for the few rejections nodes only name in text. */
export function nodeMessage(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof BaseError && current.details) parts.push(current.details);
    else if ('message' in current && typeof current.message === 'string') parts.push(current.message);
    current = 'cause' in current ? current.cause : undefined;
  }
  return parts.join(' | ').toLowerCase();
}

/** One line for a person: the node's message if it gave one, else viem's summary. */
export function nodeErrorText(error: unknown): string {
  if (error instanceof BaseError) return error.details || error.shortMessage;
  return error instanceof Error ? error.message : String(error);
}

function httpStatus(error: BaseError): number | undefined {
  const withStatus = error.walk((e) => typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number');
  return withStatus !== null && 'status' in withStatus && typeof withStatus.status === 'number' ? withStatus.status : undefined;
}

function systemErrorCode(error: Error): string | undefined {
  let current: unknown = error.cause;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
