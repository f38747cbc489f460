import { type PolicyRule, WaiaasError } from '@waiaas/protocol';
import type { ScopedRule } from '../policy-context.js';

type DomainEntry = Extract<PolicyRule, { type: 'ALLOWED_SIGNING' }>['typedDataDomains'][number];

/** The EIP-712 domain fields a rule can name. */
export interface SigningDomain {
  chainId?: number;
  verifyingContract?: string;
  name?: string;
}

/** What an agent asks to sign, as the policy judges it. */
export type SigningSubject = { kind: 'message'; bytes: Uint8Array } | { kind: 'typedData'; primaryType: string; domain: SigningDomain };

/**
 * Permit (EIP-2612, DAI), Permit2's PermitSingle / PermitBatch / PermitTransferFrom and their
 * witness variants: one signature lets someone else move the wallet's tokens.
 */
export function isPermitLike(primaryType: string): boolean {
  return /^permit/i.test(primaryType);
}

/**
 * Signing is refused by default: with no ALLOWED_SIGNING rule nothing may be signed. The rules that
 * apply are joined (any one allowing suffices), like the other allowlists. Typed data passes only if
 * its domain is listed; a permit-like one only by an entry that pins chainId and verifyingContract,
 * since any contract can call itself "USD Coin" but only one has that address on that chain.
 */
export function assertSigningAllowed(rules: readonly ScopedRule<'ALLOWED_SIGNING'>[], subject: SigningSubject): void {
  if (rules.length === 0) throw refuse(subject.kind, 'no ALLOWED_SIGNING rule applies, and signing is refused by default');
  if (subject.kind === 'message') {
    const allowing = rules.filter((r) => r.rule.messages);
    if (allowing.length === 0) throw refuse('message', 'the ALLOWED_SIGNING rules do not allow plain messages');
    const prefixes = allowing.map((r) => r.rule.messagePrefix);
    if (prefixes.some((p) => p === undefined || startsWith(subject.bytes, new TextEncoder().encode(p)))) return;
    throw refuse('message', `the message does not start with an allowed prefix (${prefixes.map((p) => JSON.stringify(p)).join(', ')})`);
  }
  const permit = isPermitLike(subject.primaryType);
  const entries = rules.flatMap((r) => r.rule.typedDataDomains);
  const allowed = entries.some((e) => matches(e, subject.domain) && (!permit || (e.chainId !== undefined && e.verifyingContract !== undefined)));
  if (allowed) return;
  const domain = describeDomain(subject.domain);
  throw refuse(
    'typedData',
    permit
      ? `${subject.primaryType} lets someone else move the wallet's tokens, and its domain (${domain}) is not listed by chainId and verifyingContract`
      : `its domain (${domain}) is not listed`,
  );
}

/** Every field the entry gives must equal the domain's; addresses compare without case. */
function matches(entry: DomainEntry, domain: SigningDomain): boolean {
  return (
    (entry.chainId === undefined || entry.chainId === domain.chainId) &&
    (entry.verifyingContract === undefined || entry.verifyingContract.toLowerCase() === domain.verifyingContract?.toLowerCase()) &&
    (entry.name === undefined || entry.name === domain.name)
  );
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** "chainId 1, verifyingContract 0x…, name "USD Coin"": what the Owner needs to list the domain. */
export function describeDomain(domain: SigningDomain): string {
  const parts = [
    domain.chainId !== undefined && `chainId ${domain.chainId}`,
    domain.verifyingContract !== undefined && `verifyingContract ${domain.verifyingContract}`,
    domain.name !== undefined && `name ${JSON.stringify(domain.name)}`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.join(', ') || 'empty';
}

const refuse = (kind: SigningSubject['kind'], reason: string) => new WaiaasError('POLICY__SIGNING_NOT_ALLOWED', { kind, reason });
