import { type agent, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import type { AutoStop } from '../autostop/autostop.js';
import type { AgentSigner, Keystore } from '../keystore/index.js';
import type { SigningSubject } from '../policy/rules/allowed-signing.js';
import type { PolicyStore } from '../policy/policy-store.js';
import type { SessionRow } from '../session/session-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import { authorizeSigning } from './authorize-signing.js';

export interface SigningDeps {
  wallets: Pick<WalletStore, 'findById'>;
  keystore: Pick<Keystore, 'signerFor'>;
  policies: Pick<PolicyStore, 'applicable'>;
  autoStop: Pick<AutoStop, 'assertActive'>;
  audit: AuditLog;
  /** Transactions plus signatures of a wallet since `since` (ms epoch), for RATE_LIMIT. */
  requestsSince: (walletId: string, since: number) => number;
  now: () => number;
}

/** A request made ready to sign: what the policy judges, the digest, what the audit keeps, and the signing itself. */
export interface PreparedSigning {
  subject: SigningSubject;
  /** 0x hex of 32 bytes: the hash signed (EVM) or SHA-256 of the signed bytes (Solana). */
  digest: string;
  /** Bounded facts for the audit log; never the message itself, which may be large. */
  details: Record<string, unknown>;
  sign(): Promise<string>;
}

/** Audit action of a signature given out; RATE_LIMIT counts these beside transactions. */
export const SIGNED_ACTION = 'signing.sign';

/**
 * The one path of every signing request: suspended wallets are refused, the request is prepared
 * (bad input refused), judged by policy, and audited whether it is refused or signed.
 */
export async function signAudited(
  deps: SigningDeps,
  session: SessionRow,
  kind: SigningSubject['kind'],
  prepare: (signer: AgentSigner) => PreparedSigning,
): Promise<agent.SignatureResponse> {
  const wallet = deps.wallets.findById(session.wallet_id);
  if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: session.wallet_id });
  const record = (action: string, details: Record<string, unknown>) =>
    deps.audit.record({ actor: `session:${session.id}`, action, walletId: wallet.id, sessionId: session.id, details });
  let details: Record<string, unknown> = { kind };
  let signer: AgentSigner;
  let prepared: PreparedSigning;
  try {
    deps.autoStop.assertActive(wallet.id);
    signer = deps.keystore.signerFor(wallet.id);
    prepared = prepare(signer);
    details = { kind, ...prepared.details, digest: prepared.digest };
    const now = deps.now();
    authorizeSigning(deps.policies.applicable(wallet.id, session.id), prepared.subject, {
      now,
      requestsSince: (since) => deps.requestsSince(wallet.id, since),
    });
  } catch (error) {
    record('signing.refused', { ...details, code: error instanceof WaiaasError ? error.code : 'INTERNAL__UNEXPECTED' });
    throw error;
  }
  // Recorded before signing, with nothing awaited since the policy check, so the next request's
  // RATE_LIMIT count already includes this one however quickly it follows.
  record(SIGNED_ACTION, details);
  return { chain: signer.chain, address: signer.address, signature: await prepared.sign(), digest: prepared.digest };
}
