import { type agent, AllowedContractsRule, type Chain, isWaiaasError, type PolicyRule } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import type { PolicyContext, ScopedRule } from '../policy-context.js';
import { allowedContracts } from './allowed-contracts.js';

const ctx = (chain: Chain, call: agent.TransactionCall): PolicyContext => ({
  call,
  chain,
  exposure: new Map(),
  norm: (a) => (chain === 'evm' ? a.toLowerCase() : a),
  now: Date.parse('2026-01-01T12:00:00Z'),
  history: { walletSpentSince: () => 0n, walletRequestsSince: () => 0, sessionSpentSince: () => 0n, sessionRequestsSince: () => 0, usdSpentSince: () => 0n },
});
const allow = (...contracts: Extract<PolicyRule, { type: 'ALLOWED_CONTRACTS' }>['contracts']): ScopedRule<'ALLOWED_CONTRACTS'>[] => [
  { scope: 'wallet', rule: AllowedContractsRule.parse({ type: 'ALLOWED_CONTRACTS', contracts }) },
];
/** The refusal's context, or null when the call passes. */
const refusal = (rules: ScopedRule<'ALLOWED_CONTRACTS'>[], chain: Chain, call: agent.TransactionCall) => {
  try {
    expect(allowedContracts(rules, ctx(chain, call))).toBeNull();
  } catch (error) {
    if (isWaiaasError(error, 'POLICY__CONTRACT_NOT_ALLOWED')) return { ...error.context, message: error.message };
    throw error;
  }
  return null;
};

const SYSTEM = '11111111111111111111111111111111';
const TOKEN = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const ANCHOR = 'whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc';
const data = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const program = (to: string, hex: string): agent.BatchableCall => ({ type: 'CONTRACT_CALL', to, data: data(hex) });
// System Transfer: u32 LE index 2, then u64 lamports. Anchor: an 8-byte sighash, then the args.
const systemTransfer = program(SYSTEM, '02000000c0c62d0000000000');
const systemAssign = program(SYSTEM, '01000000' + '00'.repeat(32));
const anchorSwap = program(ANCHOR, 'f8c69e91e17587c8' + '00'.repeat(16));

describe('allowedContracts on Solana: program id plus instruction discriminators', () => {
  // The last column: 'passes', or the instruction bytes the refusal shows (null: none).
  it.each<[string, ScopedRule<'ALLOWED_CONTRACTS'>[], agent.TransactionCall, string | null]>([
    ['a listed program with no discriminators: any instruction', allow({ address: SYSTEM }), systemAssign, 'passes'],
    ['a listed 4-byte system discriminator', allow({ address: SYSTEM, discriminators: ['0x02000000'] }), systemTransfer, 'passes'],
    ['another system instruction', allow({ address: SYSTEM, discriminators: ['0x02000000'] }), systemAssign, '0x0100000000000000'],
    ['a 1-byte SPL discriminator, in capitals', allow({ address: TOKEN, discriminators: ['0x0C'] }), program(TOKEN, '0c4000000000000006'), 'passes'],
    ['another SPL instruction', allow({ address: TOKEN, discriminators: ['0x0c'] }), program(TOKEN, '0d40000000000000'), '0x0d40000000000000'],
    ['a listed 8-byte Anchor sighash', allow({ address: ANCHOR, discriminators: ['0x1111111111111111', '0xf8c69e91e17587c8'] }), anchorSwap, 'passes'],
    ['an Anchor sighash that differs in its last byte', allow({ address: ANCHOR, discriminators: ['0xf8c69e91e17587c9'] }), anchorSwap, '0xf8c69e91e17587c8'],
    ['data shorter than the discriminator', allow({ address: TOKEN, discriminators: ['0x0c40'] }), program(TOKEN, '0c'), '0x0c'],
    ['empty data against a discriminator', allow({ address: TOKEN, discriminators: ['0x0c'] }), program(TOKEN, ''), null],
    ['a discriminator listed for another program (unlisted: no instruction named)', allow({ address: TOKEN, discriminators: ['0x02000000'] }), systemTransfer, null],
    ['an entry that lists EVM selectors only', allow({ address: SYSTEM, selectors: ['0x02000000'] }), systemTransfer, '0x02000000c0c62d00'],
  ])('%s', (_, rules, call, shown) => {
    const refused = refusal(rules, 'solana', call);
    if (shown === 'passes') expect(refused).toBeNull();
    else expect(refused).toMatchObject({ contract: (call as { to: string }).to, selector: shown });
  });

  it('refuses the one unlisted instruction of a batch, naming it', () => {
    const rules = allow({ address: SYSTEM, discriminators: ['0x02000000'] });
    expect(refusal(rules, 'solana', { type: 'BATCH', calls: [systemTransfer, systemTransfer] })).toBeNull();
    expect(refusal(rules, 'solana', { type: 'BATCH', calls: [systemTransfer, systemAssign] })).toEqual({
      contract: SYSTEM,
      selector: '0x0100000000000000',
      message: `Calls to ${SYSTEM} (method 0x0100000000000000) are not on this wallet's allowlist; the Owner can add it with "waiaas policy set allowed-contracts".`,
    });
  });

  it('with no rule every program call is refused', () => {
    expect(refusal([], 'solana', systemTransfer)).toMatchObject({ contract: SYSTEM, selector: null });
  });
});

describe('allowedContracts on EVM keeps matching whole selectors', () => {
  const CONTRACT = '0xA0B8000000000000000000000000000000000001';
  // transfer(address,uint256)
  const call = { type: 'CONTRACT_CALL' as const, to: CONTRACT, data: `0xa9059cbb${'00'.repeat(64)}` };

  it('passes a listed selector and refuses a Solana-style entry or a prefix of the selector', () => {
    expect(refusal(allow({ address: CONTRACT.toLowerCase(), selectors: ['0xA9059CBB'] }), 'evm', call)).toBeNull();
    expect(refusal(allow({ address: CONTRACT, discriminators: ['0xa9'] }), 'evm', call)).toMatchObject({ selector: '0xa9059cbb' });
    expect(refusal(allow({ address: CONTRACT, selectors: ['0x095ea7b3'] }), 'evm', call)).toMatchObject({ selector: '0xa9059cbb' });
  });
});

describe('AllowedContractsRule', () => {
  it('takes 1 to 8 bytes of 0x-hex as discriminators, and not both kinds on one entry', () => {
    const parse = (contract: Record<string, unknown>) => AllowedContractsRule.safeParse({ type: 'ALLOWED_CONTRACTS', contracts: [contract] }).success;
    expect(parse({ address: SYSTEM, discriminators: ['0x02', '0x0200000000000000'] })).toBe(true);
    expect(parse({ address: SYSTEM, discriminators: ['02'] })).toBe(false);
    expect(parse({ address: SYSTEM, discriminators: ['0x020'] })).toBe(false);
    expect(parse({ address: SYSTEM, discriminators: ['0x020000000000000000'] })).toBe(false);
    expect(parse({ address: SYSTEM, discriminators: ['0x02'], selectors: ['0x02000000'] })).toBe(false);
  });
});
