import type { Policy } from '@waiaas/protocol';
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
  /** The USD value (× 10^18) reserved for a transaction at accept, undefined when a price was unknown. */
  usdValueOf: (transactionId: string) => bigint | undefined;
  /** The native budget of the session that made a request (with it reserved), or null without one. */
  sessionBudgetOf: (sessionId: string) => { maxTotal: string | null; used: string; remaining: string | null } | null;
  /** The rules that apply to a request of this wallet and session: what the Owner's view names the recipient by. */
  policiesFor: (walletId: string, sessionId: string | null) => Policy[];
  /** A dry run of the transaction against the chain, for the Owner to see its effect. */
  simulate: (transactionId: string) => Promise<{ ok: boolean; fee: string; balanceChanges: { asset: string; delta: string }[]; error: string | null }>;
  /** Wakes the pipeline worker for an approved transaction. */
  kick: (transactionId: string) => void;
}
