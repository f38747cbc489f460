import { type CosignFields, type CosignRequest, type owner, type Policy, WaiaasError } from '@waiaas/protocol';
import type { AuditLog } from '../audit/audit-log.js';
import { describeRule } from '../policy/describe-rule.js';
import type { PolicyStore } from '../policy/policy-store.js';
import { activeSession, removePolicy, setPolicy } from '../policy/set-policy.js';
import type { SessionStore } from '../session/session-store.js';
import type { WalletStore } from '../wallet/wallet-store.js';
import type { CosignNonces, IssuedNonce } from './cosign-nonces.js';
import { CHALLENGE_TTL_MS, issuedNonce, requestFor, signerActionFields } from './owner-challenge.js';
import type { Owner, OwnerStore } from './owner-store.js';
import { policyChangeDigest } from './policy-change-digest.js';
import { verifyCosign } from './verify-cosign.js';

export interface ChangePolicyDeps {
  owner: OwnerStore;
  nonces: CosignNonces;
  audit: AuditLog;
  policies: PolicyStore;
  wallets: Pick<WalletStore, 'resolve'>;
  sessions: Pick<SessionStore, 'get'>;
  signerIdentity: () => string;
  atomically: <T>(fn: () => T) => T;
  now: () => number;
}

/** The longest summary the Owner's message can carry (CosignFields.summary). */
const SUMMARY_MAX = 500;

/** Where a change applies, resolved from the signer's own records. */
interface Target {
  walletId: string | null;
  sessionId: string | null;
  /** "wallet bot", "session … of wallet bot", "every wallet". */
  words: string;
  /** The wallet field of the message: "bot (address)", or "—". */
  wallet: string;
  chain: 'solana' | 'evm' | undefined;
}

function walletTarget(deps: ChangePolicyDeps, walletId: string | null, sessionId: string | null): Target {
  if (walletId === null) return { walletId: null, sessionId: null, words: 'every wallet', wallet: '—', chain: undefined };
  const wallet = deps.wallets.resolve(walletId);
  const words = sessionId ? `session ${sessionId} of wallet ${wallet.name}` : `wallet ${wallet.name}`;
  return { walletId: wallet.id, sessionId, words, wallet: `${wallet.name} (${wallet.address})`, chain: wallet.chain };
}

function setTarget(deps: ChangePolicyDeps, request: Extract<owner.PolicyChange, { set: unknown }>['set']): Target {
  if (request.session !== undefined) {
    const session = activeSession(deps.sessions, request.session, deps.now());
    return walletTarget(deps, session.wallet_id, session.id);
  }
  return walletTarget(deps, request.wallet === undefined ? null : deps.wallets.resolve(request.wallet).id, null);
}

/**
 * The change in words, from the signer's records at this moment: the Owner signs these words, so
 * if the rule to remove or the wallet named changes before the answer, the signature no longer fits.
 */
function describeChange(deps: ChangePolicyDeps, change: owner.PolicyChange): { target: Target; summary: string } {
  if ('set' in change) {
    const target = setTarget(deps, change.set);
    const scope = target.sessionId ? 'session' : target.walletId ? 'wallet' : 'global';
    return { target, summary: `Set for ${target.words}: ${describeRule(change.set.rule, target.chain, scope)}` };
  }
  const policy = deps.policies.get(change.remove);
  if (!policy) throw new WaiaasError('POLICY__NOT_FOUND', { policyId: change.remove });
  const target = walletTarget(deps, policy.walletId, policy.sessionId);
  return { target, summary: `Remove from ${target.words} (policy ${policy.id}): ${describeRule(policy.rule, target.chain, policy.scope)}` };
}

/** The change in words, refused when too long to show: the Owner must be able to read all of what they sign. */
function readableChange(deps: ChangePolicyDeps, change: owner.PolicyChange): { target: Target; summary: string } {
  const described = describeChange(deps, change);
  if (described.summary.length > SUMMARY_MAX) {
    const message = `the change in words is ${described.summary.length} characters, more than the ${SUMMARY_MAX} the Owner's message can show; make it with the CLI`;
    throw new WaiaasError('REQUEST__VALIDATION_FAILED', { issues: [{ path: 'change', message }] });
  }
  return described;
}

function fieldsOf(deps: ChangePolicyDeps, described: { target: Target; summary: string }, digest: string, nonce: IssuedNonce): CosignFields {
  return { ...signerActionFields('policy-change', described.summary, deps.signerIdentity(), nonce), wallet: described.target.wallet, digest };
}

function registered(deps: Pick<ChangePolicyDeps, 'owner'>): Owner {
  const current = deps.owner.get();
  // Without an Owner nobody can sign, so the device cannot change policies: the master uses the CLI.
  if (!current) throw new WaiaasError('OWNER__NOT_REGISTERED');
  return current;
}

/**
 * The message the registered Owner signs for one policy change. Its nonce is issued for the
 * change's digest, so the signature answers this change and no other.
 */
export function policyChangeMessage(deps: ChangePolicyDeps, change: owner.PolicyChange): CosignRequest {
  const current = registered(deps);
  const digest = policyChangeDigest(change);
  const described = readableChange(deps, change);
  const nonce = deps.nonces.issue('policy-change', digest, deps.now(), CHALLENGE_TTL_MS);
  return requestFor(current, fieldsOf(deps, described, digest, nonce));
}

/**
 * Applies a policy change from the Owner's device. Every change needs the Owner's signature,
 * tightening as much as loosening: telling which changes loosen is easy to get wrong, and a stolen
 * browser must not be able to loosen anything. The message is rebuilt from the change the device
 * sends now and the signer's records — never from fields the device sends back.
 */
export async function changePolicy(
  deps: ChangePolicyDeps,
  answer: { change: owner.PolicyChange; nonce: string; signature: string; via: string },
): Promise<Policy> {
  const current = registered(deps);
  const digest = policyChangeDigest(answer.change);
  try {
    const nonce = issuedNonce(deps.nonces, answer.nonce, 'policy-change', digest);
    // Said before the change is described: a replayed remove would otherwise read as "no such policy".
    if ((deps.nonces.get(answer.nonce)?.usedAt ?? null) !== null) throw new WaiaasError('COSIGN__NONCE_USED', { action: 'policy-change' });
    const fields = fieldsOf(deps, readableChange(deps, answer.change), digest, nonce);
    await verifyCosign(current, fields, answer.signature);
    return deps.atomically(() => {
      const now = deps.now();
      // Between the check and now the Owner or the rule described may have changed: the words signed must still hold.
      const still = describeChange(deps, answer.change);
      if (deps.owner.get()?.address !== current.address || still.summary !== fields.summary) {
        throw new WaiaasError('COSIGN__INVALID_SIGNATURE', { action: 'policy-change', owner: current.address });
      }
      deps.nonces.consume(answer.nonce, 'policy-change', digest, now);
      const by = { actor: `owner:${current.address}` as const, details: { digest, via: answer.via } };
      const policy = 'set' in answer.change ? setPolicy(deps, answer.change.set, by) : removePolicy(deps, answer.change.remove, by);
      if (current.state === 'GRACE') deps.owner.lock(current.address, now);
      return policy;
    });
  } catch (error) {
    if (error instanceof WaiaasError) {
      deps.audit.record({ actor: 'system', action: 'policy.change.refused', details: { owner: current.address, digest, via: answer.via, code: error.code } });
    }
    throw error;
  }
}
