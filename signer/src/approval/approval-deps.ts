import type { AuditLog } from '../audit/audit-log.js';
import type { CosignNonces } from '../owner/cosign-nonces.js';
import type { OwnerStore } from '../owner/owner-store.js';
import type { TransactionStore } from '../transaction/transaction-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { ApprovalStore } from './approval-store.js';

/** What the approval workflow works with; wired once in create-daemon. */
export interface ApprovalDeps {
  approvals: ApprovalStore;
  nonces: CosignNonces;
  owner: OwnerStore;
  transactions: TransactionStore;
  wallets: WalletStore;
  audit: AuditLog;
  /** The signer's identity as co-sign messages name it. */
  signerIdentity: () => string;
  atomically: <T>(fn: () => T) => T;
  now: () => number;
  /** Wakes the pipeline worker for an approved transaction. */
  kick: (transactionId: string) => void;
}
