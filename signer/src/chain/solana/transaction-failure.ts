import {
  SOLANA_ERROR__INSTRUCTION_ERROR__INSUFFICIENT_FUNDS,
  SOLANA_ERROR__TRANSACTION_ERROR__ACCOUNT_NOT_FOUND,
  SOLANA_ERROR__TRANSACTION_ERROR__INSUFFICIENT_FUNDS_FOR_FEE,
  SOLANA_ERROR__TRANSACTION_ERROR__INSUFFICIENT_FUNDS_FOR_RENT,
  type TransactionError,
  getSolanaErrorFromTransactionError,
  isSolanaError,
} from '@solana/kit';
import { SYSTEM_ERROR__RESULT_WITH_NEGATIVE_LAMPORTS, isSystemError } from '@solana-program/system';
import type { SolanaMessage } from './decode-message.js';

/**
 * A transaction error as text. kit's messages are readable unless NODE_ENV is "production", where
 * they shrink to "Solana error #<code>" plus a decode hint (still precise, less friendly).
 */
export function describeTransactionError(error: TransactionError): string {
  return getSolanaErrorFromTransactionError(error).message;
}

/**
 * Whether a transaction error (as kit raises it) means the paying wallet lacks lamports: for the
 * fee, to stay rent-exempt itself (account 0; another account short of rent is the recipient's
 * problem: a transfer below the rent-exempt minimum to a new account), as a debit of an account
 * that was never funded, or in a System transfer.
 */
export function isInsufficientLamports(error: unknown, message: Pick<SolanaMessage, 'instructions'>): boolean {
  return (
    isSolanaError(error, SOLANA_ERROR__TRANSACTION_ERROR__INSUFFICIENT_FUNDS_FOR_FEE) ||
    (isSolanaError(error, SOLANA_ERROR__TRANSACTION_ERROR__INSUFFICIENT_FUNDS_FOR_RENT) && error.context.accountIndex === 0) ||
    isSolanaError(error, SOLANA_ERROR__TRANSACTION_ERROR__ACCOUNT_NOT_FOUND) ||
    isSolanaError(error, SOLANA_ERROR__INSTRUCTION_ERROR__INSUFFICIENT_FUNDS) ||
    isSystemError(error, message, SYSTEM_ERROR__RESULT_WITH_NEGATIVE_LAMPORTS)
  );
}

/** The program's own explanation from simulation logs ("Program log: Error: insufficient funds"), if any. */
export function programLogReason(logs: unknown): string | undefined {
  if (!Array.isArray(logs)) return undefined;
  const line = logs.findLast((l): l is string => typeof l === 'string' && /^(Program log: Error: |Transfer: )/.test(l));
  return line?.replace(/^Program log: Error: /, '');
}
