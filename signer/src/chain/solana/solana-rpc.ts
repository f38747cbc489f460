import {
  type Rpc,
  type RpcTransport,
  SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR,
  type SolanaRpcApi,
  createDefaultRpcTransport,
  createSolanaRpcFromTransport,
  isSolanaError,
} from '@solana/kit';
import { WaiaasError } from '@waiaas/protocol';
import type { Network } from '../chain-adapter.js';

export type SolanaRpc = Rpc<SolanaRpcApi>;

export const DEFAULT_RPC_TIMEOUT_MS = 15_000;

/**
 * JSON-RPC errors that judge the transaction rather than the node: preflight failure (-32002),
 * signature verification (-32003), precompile verification (-32006), signature count (-32013),
 * unsupported version (-32015). Every other JSON-RPC error means the node cannot serve us now.
 */
const TRANSACTION_VERDICTS = new Set([-32002, -32003, -32006, -32013, -32015]);

/**
 * A kit RPC client whose transport turns every way of the node being unreachable or unwell
 * (connection refused or reset, HTTP 5xx/429, no answer within `timeoutMs`, malformed JSON, a
 * JSON-RPC error about the node itself) into CHAIN__RPC_UNAVAILABLE, in this one place.
 * The reason never quotes the URL: hosted RPC URLs often carry an API key.
 */
export function createSolanaRpcClient(network: Network, timeoutMs = DEFAULT_RPC_TIMEOUT_MS): SolanaRpc {
  const http = createDefaultRpcTransport({ url: network.rpcUrl });
  const transport: RpcTransport = async <TResponse>(config: Parameters<RpcTransport>[0]) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = config.signal ? AbortSignal.any([config.signal, timeout]) : timeout;
    let response: TResponse;
    try {
      response = await http<TResponse>({ ...config, signal });
    } catch (error) {
      throw rpcUnavailable(network, transportFailure(error, timeoutMs), error);
    }
    const trouble = nodeTrouble(response);
    if (trouble !== undefined) throw rpcUnavailable(network, trouble);
    return response;
  };
  return createSolanaRpcFromTransport(transport);
}

export function rpcUnavailable(network: Network, reason: string, cause?: unknown): WaiaasError<'CHAIN__RPC_UNAVAILABLE'> {
  return new WaiaasError('CHAIN__RPC_UNAVAILABLE', { network: network.name, reason }, { cause });
}

function transportFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (isSolanaError(error, SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR)) {
    return `HTTP ${error.context.statusCode} ${error.context.message}`.trim();
  }
  if (error instanceof SyntaxError) return 'the node answered with malformed JSON';
  if (!(error instanceof Error)) return String(error);
  // fetch fails with TypeError('fetch failed') and the socket error (ECONNREFUSED, …) as its cause.
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' ? `connection failed (${code})` : error.message;
}

function nodeTrouble(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null || !('error' in response)) return undefined;
  const { error } = response;
  if (typeof error !== 'object' || error === null) return 'the node answered with a malformed error';
  const { code, message } = error as { code?: unknown; message?: unknown };
  const numeric = typeof code === 'bigint' || typeof code === 'number' ? Number(code) : Number.NaN;
  if (TRANSACTION_VERDICTS.has(numeric)) return undefined;
  return `${typeof message === 'string' ? message : 'error'} (JSON-RPC ${String(code)})`;
}
