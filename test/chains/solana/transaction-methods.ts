import {
  type Address,
  type Commitment,
  type Signature,
  type Transaction,
  getBase58Decoder,
  getBase64Encoder,
  getCompiledTransactionMessageDecoder,
  getTransactionDecoder,
  isSignature,
  signature as toSignature,
} from '@solana/kit';
import { FailedTransactionMetadata, type LiteSVM } from 'litesvm';
import { addressParam, assertBase64Encoding, base64Account, configParam, existingAccount, withContext } from './account-encoding.js';
import type { BlockClock } from './block-clock.js';
import { JsonRpcError, type RpcHandler } from './json-rpc-server.js';
import { simulateInSvm, type Simulation } from './simulate-in-svm.js';
import { transactionErrorJson, transactionErrorText } from './transaction-error-json.js';

export interface TransactionMethodsState {
  /** How getSignatureStatuses reports a landed transaction. */
  landedAs: Commitment;
}

/** sendTransaction, simulateTransaction and getSignatureStatuses, with a validator's preflight and dedupe. */
export function createTransactionMethods(svm: LiteSVM, clock: BlockClock, state: TransactionMethodsState): Record<string, RpcHandler> {
  const landedAt = new Map<string, bigint>();

  return {
    simulateTransaction: ([wire, config]) => {
      const cfg = configParam(config);
      assertBase64Encoding(cfg);
      const tx = decodeTransaction(wire);
      const replace = cfg.replaceRecentBlockhash === true;
      const simulation = simulate(svm, tx, { sigVerify: cfg.sigVerify === true, checkBlockhash: !replace });
      const value = {
        ...simulationValue(simulation),
        accounts: requestedAccounts(svm, simulation, cfg.accounts),
        replacementBlockhash: replace ? clock.latestBlockhash() : null,
      };
      return withContext(clock.slot(), value);
    },

    sendTransaction: ([wire, config]) => {
      const cfg = configParam(config);
      assertBase64Encoding(cfg);
      const tx = decodeTransaction(wire);
      const signature = signatureOf(tx);
      if (cfg.skipPreflight !== true) {
        const simulation = simulate(svm, tx, { sigVerify: true, checkBlockhash: true });
        if (simulation.err !== null) {
          throw new JsonRpcError(-32002, `Transaction simulation failed: ${transactionErrorText(simulation.err)}`, {
            ...simulationValue(simulation),
            accounts: null,
            replacementBlockhash: null,
          });
        }
      }
      let outcome: ReturnType<LiteSVM['sendTransaction']> | undefined;
      try {
        outcome = svm.sendTransaction(tx);
      } catch {
        // Unsigned: a validator would drop it after answering with its (zero) signature.
      }
      // Failed but included transactions land too (and pay their fee); a re-send never re-lands.
      if (outcome && !landedAt.has(signature) && svm.getTransaction(signature) !== null) {
        landedAt.set(signature, clock.slot());
      }
      return signature;
    },

    getSignatureStatuses: ([signatures]) => {
      if (!Array.isArray(signatures)) throw new JsonRpcError(-32602, 'Invalid params: expected an array of signatures');
      if (signatures.length > 256) throw new JsonRpcError(-32602, 'Too many inputs provided; max 256');
      const statuses = signatures.map((signature) => {
        if (typeof signature !== 'string' || !isSignature(signature)) throw new JsonRpcError(-32602, 'Invalid param: Invalid');
        const slot = landedAt.get(signature);
        const record = slot === undefined ? null : svm.getTransaction(signature);
        if (slot === undefined || record === null) return null;
        const err = record instanceof FailedTransactionMetadata ? transactionErrorJson(record.err()) : null;
        return {
          slot,
          confirmations: state.landedAs === 'finalized' ? null : 0n,
          err,
          status: err === null ? { Ok: null } : { Err: err },
          confirmationStatus: state.landedAs,
        };
      });
      return withContext(clock.slot(), statuses);
    },
  };
}

function simulate(svm: LiteSVM, tx: Transaction, options: { sigVerify: boolean; checkBlockhash: boolean }): Simulation {
  const simulation = simulateInSvm(svm, tx, options);
  if (simulation === 'unsigned' || simulation.err === 'SignatureFailure') {
    throw new JsonRpcError(-32003, 'Transaction signature verification failure');
  }
  return simulation;
}

/** The fields of RpcSimulateTransactionResult that do not depend on the request. */
function simulationValue(simulation: Simulation) {
  const { err, logs, unitsConsumed, returnData, fee, preBalances, postBalances } = simulation;
  return {
    err,
    logs,
    unitsConsumed,
    returnData,
    fee,
    preBalances,
    postBalances,
    preTokenBalances: null,
    postTokenBalances: null,
    innerInstructions: null,
    loadedAccountsDataSize: 0,
    loadedAddresses: null,
  };
}

function requestedAccounts(svm: LiteSVM, simulation: Simulation, accountsConfig: unknown) {
  if (accountsConfig === undefined) return null;
  const { addresses, encoding } = configParam(accountsConfig);
  assertBase64Encoding({ encoding });
  if (!Array.isArray(addresses)) throw new JsonRpcError(-32602, 'Invalid params: accounts.addresses');
  if (addresses.length > simulation.accountKeys.length) {
    throw new JsonRpcError(-32602, `Too many accounts provided; max ${simulation.accountKeys.length}`);
  }
  return addresses.map((raw) => {
    if (simulation.err !== null) return null;
    const address: Address = addressParam(raw);
    const account = simulation.postAccounts.get(address) ?? existingAccount(svm, address);
    return account && base64Account(account);
  });
}

function decodeTransaction(wire: unknown): Transaction {
  if (typeof wire !== 'string') throw new JsonRpcError(-32602, 'Invalid params: expected a base64 transaction');
  try {
    const tx = getTransactionDecoder().decode(getBase64Encoder().encode(wire));
    getCompiledTransactionMessageDecoder().decode(tx.messageBytes);
    return tx;
  } catch (error) {
    throw new JsonRpcError(
      -32602,
      `failed to deserialize solana_transaction::versioned::VersionedTransaction: ${(error as Error).message}`,
    );
  }
}

function signatureOf(tx: Transaction): Signature {
  const [first] = Object.values(tx.signatures);
  return toSignature(getBase58Decoder().decode(first ?? new Uint8Array(64)));
}
