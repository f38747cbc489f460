import { isWaiaasError, type PolicyRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { ScopedRule } from '../policy-context.js';
import { assertSigningAllowed, isPermitLike, type SigningSubject } from './allowed-signing.js';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
type Rule = Extract<PolicyRule, { type: 'ALLOWED_SIGNING' }>;
const rule = (r: Partial<Omit<Rule, 'type'>>, scope: 'global' | 'wallet' = 'wallet') =>
  ({ scope, rule: { type: 'ALLOWED_SIGNING', messages: false, typedDataDomains: [], ...r } }) as ScopedRule<'ALLOWED_SIGNING'>;
const message = (text: string): SigningSubject => ({ kind: 'message', bytes: new TextEncoder().encode(text) });
const typed = (primaryType: string, domain: { chainId?: number; verifyingContract?: string; name?: string }): SigningSubject => ({ kind: 'typedData', primaryType, domain });

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isWaiaasError(error)) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  return null;
};

describe('assertSigningAllowed', () => {
  it('with no rule refuses everything, and tells the Owner which command allows it', () => {
    expect(refusal(() => assertSigningAllowed([], message('hello')))).toEqual({
      code: 'POLICY__SIGNING_NOT_ALLOWED',
      status: 403,
      message:
        'Message signing is not allowed for this wallet: no ALLOWED_SIGNING rule applies, and signing is refused by default. The Owner can allow it with "waiaas policy set allowed-signing --messages".',
    });
    expect(refusal(() => assertSigningAllowed([], typed('Mail', { name: 'Ether Mail' })))?.message).toContain('"waiaas policy set allowed-signing --domain <chainId>:<verifyingContract>"');
  });

  it('allows messages only when a rule turns them on', () => {
    expect(refusal(() => assertSigningAllowed([rule({ typedDataDomains: [{ name: 'X' }] })], message('hi')))?.message).toContain('do not allow plain messages');
    expect(refusal(() => assertSigningAllowed([rule({ messages: true })], message('hi')))).toBeNull();
  });

  it('with a prefix, only messages whose bytes start with it', () => {
    const rules = [rule({ messages: true, messagePrefix: 'login:' })];
    expect(refusal(() => assertSigningAllowed(rules, message('login: nonce 42')))).toBeNull();
    expect(refusal(() => assertSigningAllowed(rules, message('transfer all')))?.message).toContain('does not start with an allowed prefix ("login:")');
  });

  it('joins the rules that apply: a global rule allowing messages is enough', () => {
    expect(refusal(() => assertSigningAllowed([rule({ messages: false }), rule({ messages: true }, 'global')], message('hi')))).toBeNull();
  });

  it('allows typed data whose domain matches every field an entry gives, addresses without case', () => {
    const rules = [rule({ typedDataDomains: [{ chainId: 1, verifyingContract: USDC.toLowerCase() }, { name: 'Ether Mail' }] })];
    expect(refusal(() => assertSigningAllowed(rules, typed('Mail', { name: 'Ether Mail', chainId: 5 })))).toBeNull();
    expect(refusal(() => assertSigningAllowed(rules, typed('Order', { chainId: 1, verifyingContract: USDC, name: 'Anything' })))).toBeNull();
    expect(refusal(() => assertSigningAllowed(rules, typed('Order', { chainId: 10, verifyingContract: USDC })))?.message).toBe(
      `Typed-data signing is not allowed for this wallet: its domain (chainId 10, verifyingContract ${USDC}) is not listed. The Owner can allow it with "waiaas policy set allowed-signing --domain <chainId>:<verifyingContract>".`,
    );
  });

  it('refuses a permit whose domain is listed only by name: any contract can take a name', () => {
    const rules = [rule({ typedDataDomains: [{ name: 'USD Coin' }] })];
    expect(refusal(() => assertSigningAllowed(rules, typed('Permit', { name: 'USD Coin', chainId: 1, verifyingContract: USDC })))?.message).toContain(
      "Permit lets someone else move the wallet's tokens, and its domain (chainId 1, verifyingContract",
    );
    expect(refusal(() => assertSigningAllowed(rules, typed('Mail', { name: 'USD Coin' })))).toBeNull();
  });

  it('allows a permit whose domain is listed by chainId and verifyingContract', () => {
    const rules = [rule({ typedDataDomains: [{ chainId: 1, verifyingContract: USDC }] })];
    expect(refusal(() => assertSigningAllowed(rules, typed('Permit', { name: 'USD Coin', chainId: 1, verifyingContract: USDC })))).toBeNull();
    expect(refusal(() => assertSigningAllowed(rules, typed('Permit', { name: 'USD Coin', chainId: 8453, verifyingContract: USDC })))?.code).toBe('POLICY__SIGNING_NOT_ALLOWED');
  });

  it.each([
    ['Permit', true],
    ['PermitSingle', true],
    ['PermitBatch', true],
    ['PermitTransferFrom', true],
    ['PermitBatchWitnessTransferFrom', true],
    ['Mail', false],
    ['OrderComponents', false],
  ])('%s is permit-like: %s', (primaryType, expected) => {
    expect(isPermitLike(primaryType)).toBe(expected);
  });
});
