import {
  type Address,
  type EncodedAccount,
  type Transaction,
  getAddressDecoder,
  getBase64Decoder,
  getCompiledTransactionMessageDecoder,
} from '@solana/kit';
import { FailedTransactionMetadata, type LiteSVM, type TransactionMetadata } from 'litesvm';
import { type TransactionErrorJson, transactionErrorJson } from './transaction-error-json.js';

/**
 * LiteSVM's default fee: 5,000 lamports per signature. The `fee` this node reports counts
 * signatures only (no priority fee): the adapter sets no compute-unit price.
 */
export const LAMPORTS_PER_SIGNATURE = 5_000n;

export interface Simulation {
  err: TransactionErrorJson | null;
  logs: string[];
  unitsConsumed: bigint;
  returnData: { programId: Address; data: [string, 'base64'] } | null;
  fee: bigint | null;
  /** The message's static account keys, in order. */
  accountKeys: Address[];
  preBalances: bigint[] | null;
  postBalances: bigint[] | null;
  postAccounts: Map<Address, EncodedAccount>;
}

/**
 * Runs `tx` in LiteSVM without committing anything. sigVerify and the blockhash check are switched
 * off for the run when asked, as simulateTransaction's sigVerify: false / replaceRecentBlockhash do.
 */
export function simulateInSvm(
  svm: LiteSVM,
  tx: Transaction,
  options: { sigVerify: boolean; checkBlockhash: boolean },
): Simulation | 'unsigned' {
  const message = getCompiledTransactionMessageDecoder().decode(tx.messageBytes);
  const accountKeys = [...message.staticAccounts];
  const preBalances = accountKeys.map((key) => svm.getBalance(key) ?? 0n);
  svm.withSigverify(options.sigVerify).withBlockhashCheck(options.checkBlockhash);
  let result: ReturnType<LiteSVM['simulateTransaction']>;
  try {
    result = svm.simulateTransaction(tx);
  } catch {
    return 'unsigned'; // litesvm asserts every signature is present before it verifies them
  } finally {
    svm.withSigverify(true).withBlockhashCheck(true);
  }
  if (result instanceof FailedTransactionMetadata) {
    const meta = result.meta();
    return {
      ...metaFields(meta),
      err: transactionErrorJson(result.err()),
      fee: null,
      accountKeys,
      preBalances: null,
      postBalances: null,
      postAccounts: new Map(),
    };
  }
  const postAccounts = new Map(result.postAccounts().map((account) => [account.address, account]));
  return {
    ...metaFields(result.meta()),
    err: null,
    fee: LAMPORTS_PER_SIGNATURE * BigInt(message.header.numSignerAccounts),
    accountKeys,
    preBalances,
    postBalances: accountKeys.map((key, i) => postAccounts.get(key)?.lamports ?? preBalances[i] ?? 0n),
    postAccounts,
  };
}

function metaFields(meta: TransactionMetadata) {
  const returned = meta.returnData();
  const data = returned.data();
  return {
    logs: meta.logs(),
    unitsConsumed: meta.computeUnitsConsumed(),
    returnData:
      data.length === 0
        ? null
        : { programId: getAddressDecoder().decode(returned.programId()), data: [getBase64Decoder().decode(data), 'base64'] as [string, 'base64'] },
  };
}
