/*
 * LiteSVM reports transaction errors as native objects; a validator reports them as serde JSON
 * ("BlockhashNotFound", {"InstructionError":[0,{"Custom":1}]}) and, in JSON-RPC error messages,
 * with the Rust Display text. This file turns the former into both of the latter.
 */
import type { FailedTransactionMetadata } from 'litesvm';

export type LiteSvmTransactionError = ReturnType<FailedTransactionMetadata['err']>;
export type TransactionErrorJson = string | Record<string, unknown>;

// Variant order of LiteSVM's TransactionErrorFieldless / InstructionErrorFieldless (const enums,
// which isolatedModules cannot read at run time).
const TRANSACTION_ERRORS = [
  'AccountInUse', 'AccountLoadedTwice', 'AccountNotFound', 'ProgramAccountNotFound',
  'InsufficientFundsForFee', 'InvalidAccountForFee', 'AlreadyProcessed', 'BlockhashNotFound',
  'CallChainTooDeep', 'MissingSignatureForFee', 'InvalidAccountIndex', 'SignatureFailure',
  'InvalidProgramForExecution', 'SanitizeFailure', 'ClusterMaintenance', 'AccountBorrowOutstanding',
  'WouldExceedMaxBlockCostLimit', 'UnsupportedVersion', 'InvalidWritableAccount',
  'WouldExceedMaxAccountCostLimit', 'WouldExceedAccountDataBlockLimit', 'TooManyAccountLocks',
  'AddressLookupTableNotFound', 'InvalidAddressLookupTableOwner', 'InvalidAddressLookupTableData',
  'InvalidAddressLookupTableIndex', 'InvalidRentPayingAccount', 'WouldExceedMaxVoteCostLimit',
  'WouldExceedAccountDataTotalLimit', 'MaxLoadedAccountsDataSizeExceeded', 'ResanitizationNeeded',
  'InvalidLoadedAccountsDataSizeLimit', 'UnbalancedTransaction', 'ProgramCacheHitMaxLimit', 'CommitCancelled',
] as const;

const INSTRUCTION_ERRORS = [
  'GenericError', 'InvalidArgument', 'InvalidInstructionData', 'InvalidAccountData', 'AccountDataTooSmall',
  'InsufficientFunds', 'IncorrectProgramId', 'MissingRequiredSignature', 'AccountAlreadyInitialized',
  'UninitializedAccount', 'UnbalancedInstruction', 'ModifiedProgramId', 'ExternalAccountLamportSpend',
  'ExternalAccountDataModified', 'ReadonlyLamportChange', 'ReadonlyDataModified', 'DuplicateAccountIndex',
  'ExecutableModified', 'RentEpochModified', 'NotEnoughAccountKeys', 'AccountDataSizeChanged',
  'AccountNotExecutable', 'AccountBorrowFailed', 'AccountBorrowOutstanding', 'DuplicateAccountOutOfSync',
  'InvalidError', 'ExecutableDataModified', 'ExecutableLamportChange', 'ExecutableAccountNotRentExempt',
  'UnsupportedProgramId', 'CallDepth', 'MissingAccount', 'ReentrancyNotAllowed', 'MaxSeedLengthExceeded',
  'InvalidSeeds', 'InvalidRealloc', 'ComputationalBudgetExceeded', 'PrivilegeEscalation',
  'ProgramEnvironmentSetupFailure', 'ProgramFailedToComplete', 'ProgramFailedToCompile', 'Immutable',
  'IncorrectAuthority', 'AccountNotRentExempt', 'InvalidAccountOwner', 'ArithmeticOverflow',
  'UnsupportedSysvar', 'IllegalOwner', 'MaxAccountsDataAllocationsExceeded', 'MaxAccountsExceeded',
  'MaxInstructionTraceLengthExceeded', 'BuiltinProgramsMustConsumeComputeUnits', 'BorshIoError',
] as const;

/** Display texts of the Agave runtime, for the variants a wallet meets. */
const TRANSACTION_TEXT: Record<string, string> = {
  AccountNotFound: 'Attempt to debit an account but found no record of a prior credit.',
  ProgramAccountNotFound: 'Attempt to load a program that does not exist',
  InsufficientFundsForFee: 'Insufficient funds for fee',
  AlreadyProcessed: 'This transaction has already been processed',
  BlockhashNotFound: 'Blockhash not found',
  SignatureFailure: 'Transaction did not pass signature verification',
  SanitizeFailure: 'Transaction failed to sanitize accounts offsets correctly',
  InvalidAccountForFee: 'This account may not be used to pay transaction fees',
};
const INSTRUCTION_TEXT: Record<string, string> = {
  GenericError: 'generic instruction error',
  InvalidArgument: 'invalid program argument',
  InvalidInstructionData: 'invalid instruction data',
  InvalidAccountData: 'invalid account data for instruction',
  InsufficientFunds: 'insufficient funds for instruction',
  IncorrectProgramId: 'incorrect program id for instruction',
  MissingRequiredSignature: 'missing required signature for instruction',
  AccountAlreadyInitialized: 'instruction requires an uninitialized account',
  UninitializedAccount: 'instruction requires an initialized account',
};

export function transactionErrorJson(error: LiteSvmTransactionError): TransactionErrorJson {
  if (typeof error === 'number') return TRANSACTION_ERRORS[error] ?? `UnknownTransactionError${error}`;
  if ('err' in error) return { InstructionError: [error.index, instructionErrorJson(error.err())] };
  if ('index' in error) return { DuplicateInstruction: error.index };
  const variant = error.constructor.name.replace(/^TransactionError/, '');
  return { [variant]: { account_index: error.accountIndex } };
}

type InstructionErrorValue = ReturnType<Extract<LiteSvmTransactionError, { err(): unknown }>['err']>;

function instructionErrorJson(error: InstructionErrorValue): TransactionErrorJson {
  if (typeof error === 'number') return INSTRUCTION_ERRORS[error] ?? `UnknownInstructionError${error}`;
  if ('code' in error) return { Custom: error.code };
  return { BorshIoError: error.msg };
}

/** The validator's Display text, as it appears after "Transaction simulation failed: ". */
export function transactionErrorText(json: TransactionErrorJson): string {
  if (typeof json === 'string') return TRANSACTION_TEXT[json] ?? json;
  const [variant, value] = Object.entries(json)[0] ?? ['Unknown', null];
  if (variant === 'InstructionError' && Array.isArray(value)) {
    const [index, inner] = value as [number, TransactionErrorJson];
    return `Error processing Instruction ${index}: ${instructionErrorText(inner)}`;
  }
  if (variant === 'InsufficientFundsForRent') {
    return `Transaction results in an account (${(value as { account_index: number }).account_index}) with insufficient funds for rent`;
  }
  return variant;
}

function instructionErrorText(json: TransactionErrorJson): string {
  if (typeof json === 'string') return INSTRUCTION_TEXT[json] ?? json;
  if (typeof json.Custom === 'number') return `custom program error: 0x${json.Custom.toString(16)}`;
  return Object.keys(json)[0] ?? 'unknown';
}
