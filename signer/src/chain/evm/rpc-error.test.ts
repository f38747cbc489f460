import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWaiaasError } from '@waiaas/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { Network } from '../chain-adapter.js';
import { createEvmAdapter } from './create-evm-adapter.js';

const ADDRESS = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const servers: Server[] = [];

/** A local stand-in for a broken RPC node. */
async function node(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function adapterAt(rpcUrl: string, timeoutMs = 2_000) {
  const network: Network = { name: 'testnet', family: 'evm', rpcUrl, chainId: 1 };
  return createEvmAdapter(network, { retryCount: 0, timeoutMs });
}

async function failure(action: Promise<unknown>): Promise<{ code: string; message: string; context: unknown }> {
  try {
    await action;
  } catch (error) {
    if (isWaiaasError(error)) return { code: error.code, message: error.message, context: error.context };
    throw error;
  }
  throw new Error('expected a WaiaasError');
}

describe('an RPC node that cannot serve', () => {
  it('refusing connections is CHAIN__RPC_UNAVAILABLE', async () => {
    const port = await node(() => {});
    await new Promise((resolve) => servers.pop()?.close(resolve));
    expect(await failure(adapterAt(`http://127.0.0.1:${port}`).getBalance(ADDRESS))).toEqual({
      code: 'CHAIN__RPC_UNAVAILABLE',
      message: 'The testnet RPC node is unavailable: connection refused.',
      context: { network: 'testnet', reason: 'connection refused' },
    });
  });

  it('answering 5xx is CHAIN__RPC_UNAVAILABLE, and the URL (often holding an API key) is never quoted', async () => {
    const port = await node((_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('overloaded'));
    const error = await failure(adapterAt(`http://127.0.0.1:${port}/v3/SECRET-API-KEY`).getBalance(ADDRESS));
    expect(error).toEqual({
      code: 'CHAIN__RPC_UNAVAILABLE',
      message: 'The testnet RPC node is unavailable: HTTP 503.',
      context: { network: 'testnet', reason: 'HTTP 503' },
    });
  });

  it('not answering in time is CHAIN__RPC_UNAVAILABLE', async () => {
    const port = await node(() => {});
    expect(await failure(adapterAt(`http://127.0.0.1:${port}`, 200).getBalance(ADDRESS))).toMatchObject({
      code: 'CHAIN__RPC_UNAVAILABLE',
      context: { reason: 'the node did not answer in time' },
    });
  });

  it('rate limiting (JSON-RPC -32005) is CHAIN__RPC_UNAVAILABLE: worth a retry', async () => {
    const port = await node((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"limit exceeded"}}'),
    );
    expect(await failure(adapterAt(`http://127.0.0.1:${port}`).getBalance(ADDRESS))).toMatchObject({
      code: 'CHAIN__RPC_UNAVAILABLE',
      context: { reason: 'rate limited by the node' },
    });
  });

  it('a node that answers with an ordinary JSON-RPC error is not "unavailable"', async () => {
    const port = await node((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no such method"}}'),
    );
    await expect(adapterAt(`http://127.0.0.1:${port}`).getBalance(ADDRESS)).rejects.toThrow(/no such method/);
  });

  it('a node serving another chain id than configured is refused before anything is built', async () => {
    const port = await node((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"result":"0x5"}'));
    expect(await failure(adapterAt(`http://127.0.0.1:${port}`).build(ADDRESS, { type: 'TRANSFER', to: ADDRESS, amount: 1n }))).toEqual({
      code: 'CHAIN__RPC_UNAVAILABLE',
      message: 'The testnet RPC node is unavailable: the node serves chain id 5, but the network is configured for 1.',
      context: { network: 'testnet', reason: 'the node serves chain id 5, but the network is configured for 1' },
    });
  });
});
