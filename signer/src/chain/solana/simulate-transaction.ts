import {
  type Address,
  type GetMultipleAccountsApi,
  type Rpc,
  type SimulateTransactionApi,
  parseBase64RpcAccount,
} from '@solana/kit';
import type { Network, SimulationResult, UnsignedTransaction } from '../chain-adapter.js';
import { balanceChanges } from './balance-changes.js';
import { decodeSolanaMessage } from './decode-message.js';
import { decodeSolanaPayload, invalidPayload } from './solana-payload.js';
import { rpcUnavailable } from './solana-rpc.js';
import { describeTransactionError } from './transaction-failure.js';
import { solanaAddress } from './validate-intent.js';
import { wireTransaction } from './wire-transaction.js';

export interface SimulateClient {
  network: Network;
  rpc: Rpc<GetMultipleAccountsApi & SimulateTransactionApi>;
}

/** The fee when the node does not report one (before Agave 2.x): 5,000 lamports per signature, and we set no priority fee. */
const LAMPORTS_PER_SIGNATURE = 5_000n;

/**
 * Runs the unsigned transaction on the node (no signature check, today's blockhash) and compares
 * the writable accounts before (getMultipleAccounts) and after (the simulation's account states):
 * what `from` would pay and receive, fee and rent included.
 */
export async function simulateSolanaTransaction(client: SimulateClient, from: string, tx: UnsignedTransaction): Promise<SimulationResult> {
  const { network, rpc } = client;
  const payload = decodeSolanaPayload(network, tx);
  const message = decodeSolanaMessage(payload.messageBytes);
  if (solanaAddress(from) !== message.feePayer) throw invalidPayload(`it is paid by ${message.feePayer}, not ${from}`);
  const addresses = message.writableAccounts;

  const before = await rpc.getMultipleAccounts(addresses, { encoding: 'base64', commitment: 'confirmed' }).send();
  const wire = wireTransaction(payload.messageBytes);
  const { value } = await rpc
    .simulateTransaction(wire, {
      encoding: 'base64',
      sigVerify: false,
      replaceRecentBlockhash: true,
      commitment: 'confirmed',
      minContextSlot: before.context.slot,
      accounts: { addresses, encoding: 'base64' },
    })
    .send();

  const fee = value.fee ?? LAMPORTS_PER_SIGNATURE * BigInt(message.signerCount);
  if (value.err !== null) return { ok: false, balanceChanges: [], fee, error: describeTransactionError(value.err) };
  if (value.accounts === null) throw rpcUnavailable(network, 'the node returned no account states from the simulation');
  return {
    ok: true,
    balanceChanges: balanceChanges(message.feePayer, parse(addresses, before.value), parse(addresses, value.accounts)),
    fee,
  };
}

function parse(addresses: readonly Address[], accounts: readonly (Parameters<typeof parseBase64RpcAccount>[1] | null)[]) {
  return addresses.map((address, i) => parseBase64RpcAccount(address, accounts[i] ?? null));
}
