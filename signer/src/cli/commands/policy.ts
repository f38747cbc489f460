import { adminRoutes, formatAmount, NATIVE_UNITS, type Policy, type PolicyRule, parseAmount, WaiaasError } from '@waiaas/protocol';
import { formatDuration, parseDuration } from '../../config/duration.js';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';

export async function policyListCommand(ctx: CliContext, opts: { wallet?: string }): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const { policies } = await client.call(adminRoutes.listPolicies, { query: opts.wallet ? { wallet: opts.wallet } : {} });
  const { wallets } = await client.call(adminRoutes.listWallets);
  const walletName = (id: string | null) => (id ? (wallets.find((w) => w.id === id)?.name ?? id) : 'global');
  const chainOf = (id: string | null) => wallets.find((w) => w.id === id)?.chain;
  ctx.out.result({ policies }, () =>
    policies.length === 0
      ? 'No policies.'
      : policies.map((p) => `${p.id}  ${walletName(p.walletId).padEnd(14)} ${describeRule(p.rule, chainOf(p.walletId))}`).join('\n'),
  );
}

export interface SpendingLimitOptions {
  wallet?: string;
  asset: string;
  instantMax: string;
  notifyMax: string;
  delayMax: string;
  delay?: string;
}

export async function policySetSpendingLimitCommand(ctx: CliContext, opts: SpendingLimitOptions): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const chain = opts.wallet ? (await client.call(adminRoutes.listWallets)).wallets.find((w) => w.id === opts.wallet || w.name === opts.wallet)?.chain : undefined;
  // Native amounts may be typed with their unit ("0.5 SOL"); token amounts are whole smallest units.
  const unit = opts.asset === 'native' && chain ? NATIVE_UNITS[chain] : { symbol: 'units', decimals: 0 };
  const amount = (text: string) => parseAmount(text, unit).toString();
  const delaySeconds = opts.delay === undefined ? undefined : parseDuration(opts.delay);
  if (delaySeconds === 0 || (opts.delay !== undefined && delaySeconds === undefined)) {
    throw new WaiaasError('CLI__USAGE', { reason: `--delay "${opts.delay}" is not a duration like 15m or 1h` });
  }
  const rule = {
    type: 'SPENDING_LIMIT' as const,
    asset: opts.asset,
    instantMax: amount(opts.instantMax),
    notifyMax: amount(opts.notifyMax),
    delayMax: amount(opts.delayMax),
    delaySeconds: delaySeconds ?? 900,
  };
  await setRule(ctx, client, opts.wallet, rule);
}

export async function policySetAllowedTokensCommand(ctx: CliContext, opts: { wallet?: string; token: string[] }): Promise<void> {
  await setRule(ctx, await loginAsMaster(ctx.paths), opts.wallet, { type: 'ALLOWED_TOKENS', tokens: opts.token });
}

/** --contract <address> or <address>:<0xselector>,<0xselector> */
export async function policySetAllowedContractsCommand(ctx: CliContext, opts: { wallet?: string; contract: string[] }): Promise<void> {
  const contracts = opts.contract.map((spec) => {
    const [address = '', selectors] = spec.split(':');
    return selectors ? { address, selectors: selectors.split(',') } : { address };
  });
  await setRule(ctx, await loginAsMaster(ctx.paths), opts.wallet, { type: 'ALLOWED_CONTRACTS', contracts });
}

export async function policyRemoveCommand(ctx: CliContext, id: string): Promise<void> {
  const { policy } = await (await loginAsMaster(ctx.paths)).call(adminRoutes.removePolicy, { params: { id } });
  ctx.out.result({ policy }, () => `Removed ${policy.rule.type} ${policy.id}`);
}

async function setRule(ctx: CliContext, client: Awaited<ReturnType<typeof loginAsMaster>>, wallet: string | undefined, rule: PolicyRule) {
  const { policy } = await client.call(adminRoutes.setPolicy, { body: { wallet, rule } });
  ctx.out.result({ policy }, () => `Set ${policy.scope === 'global' ? 'global' : 'wallet'} policy ${policy.id}: ${describeRule(policy.rule, undefined)}`);
}

function describeRule(rule: Policy['rule'], chain: 'solana' | 'evm' | undefined): string {
  switch (rule.type) {
    case 'SPENDING_LIMIT': {
      const unit = rule.asset === 'native' && chain ? NATIVE_UNITS[chain] : undefined;
      const show = (v: string) => (unit ? formatAmount(BigInt(v), unit) : v);
      return `SPENDING_LIMIT ${rule.asset}: INSTANT ≤ ${show(rule.instantMax)}, NOTIFY ≤ ${show(rule.notifyMax)}, DELAY (${formatDuration(rule.delaySeconds)}) ≤ ${show(rule.delayMax)}, above: APPROVAL`;
    }
    case 'ALLOWED_TOKENS':
      return `ALLOWED_TOKENS ${rule.tokens.join(', ') || '(none)'}`;
    case 'ALLOWED_CONTRACTS':
      return `ALLOWED_CONTRACTS ${rule.contracts.map((c) => (c.selectors ? `${c.address}:${c.selectors.join(',')}` : c.address)).join(', ') || '(none)'}`;
  }
}
