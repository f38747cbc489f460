import { adminRoutes, NATIVE_UNITS, type Policy, type PolicyRule, parseAmount, USD_ASSET, WaiaasError, Weekday } from '@waiaas/protocol';
import { parseDuration } from '../../config/duration.js';
import { describeRule } from '../../policy/describe-rule.js';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';

/** Where a rule is set, for a rule that a command sets or removes. */
interface Scope {
  wallet?: string;
  session?: string;
}

export async function policyListCommand(ctx: CliContext, opts: Scope): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const query = { ...(opts.wallet ? { wallet: opts.wallet } : {}), ...(opts.session ? { session: opts.session } : {}) };
  const { policies } = await client.call(adminRoutes.listPolicies, { query });
  const { wallets } = await client.call(adminRoutes.listWallets);
  const walletName = (id: string | null) => (id ? (wallets.find((w) => w.id === id)?.name ?? id) : 'global');
  // A session rule shows its wallet and the session's id, so two sessions' rules tell apart.
  const where = (p: Policy) => (p.sessionId ? `${walletName(p.walletId)} session ${p.sessionId}` : walletName(p.walletId));
  const chainOf = (id: string | null) => wallets.find((w) => w.id === id)?.chain;
  ctx.out.result({ policies }, () =>
    policies.length === 0
      ? 'No policies.'
      : policies.map((p) => `${p.id}  ${where(p).padEnd(14)} ${describeRule(p.rule, chainOf(p.walletId), p.scope)}`).join('\n'),
  );
}

export interface SpendingLimitOptions extends Scope {
  asset: string;
  instantMax: string;
  notifyMax: string;
  delayMax: string;
  delay?: string;
  usdInstantMax?: string;
  usdNotifyMax?: string;
  usdDelayMax?: string;
  decimals?: string;
  /** How long an approval this rule asks for stays open, e.g. "30m" (default: owner.approval_timeout). */
  approvalTimeout?: string;
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
    ...usdThresholds(opts),
    ...approvalExpiry(opts.approvalTimeout),
  };
  await setRule(ctx, client, opts, rule);
}

/** "30m" → { approvalSeconds: 1800 }; the daemon checks the range (1 minute to 7 days). */
function approvalExpiry(text: string | undefined): { approvalSeconds?: number } {
  if (text === undefined) return {};
  const seconds = parseDuration(text);
  if (!seconds) throw new WaiaasError('CLI__USAGE', { reason: `--approval-timeout "${text}" is not a duration like 30m or 1d` });
  return { approvalSeconds: seconds };
}

/** "$25", "25.00" → "25.00"; the daemon checks the rest (all three or none, ascending, decimals for a token). */
function usdThresholds(opts: SpendingLimitOptions) {
  const usd = (flag: string, text: string | undefined) => (text === undefined ? undefined : usdAmount(flag, text));
  const decimals = opts.decimals === undefined ? undefined : Number(opts.decimals);
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0)) {
    throw new WaiaasError('CLI__USAGE', { reason: `--decimals "${opts.decimals}" is not a whole number ≥ 0` });
  }
  const fields = {
    usdInstantMax: usd('--usd-instant-max', opts.usdInstantMax),
    usdNotifyMax: usd('--usd-notify-max', opts.usdNotifyMax),
    usdDelayMax: usd('--usd-delay-max', opts.usdDelayMax),
    decimals,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<typeof fields>;
}

/** "$25", "25.00 USD" → "25.00"; the daemon's schema checks the rest. */
function usdAmount(flag: string, text: string): string {
  const value = text.trim().replace(/^\$/, '').replace(/\s*USD$/i, '');
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value)) throw new WaiaasError('CLI__USAGE', { reason: `${flag} "${text}" is not a USD amount like 25.00` });
  return value;
}

const ROLLING_WINDOWS = ['24h', '7d', '30d'] as const;

export async function policySetRollingLimitCommand(
  ctx: CliContext,
  opts: Scope & { asset: string; window: string; max?: string; usdMax?: string },
): Promise<void> {
  const window = ROLLING_WINDOWS.find((w) => w === opts.window);
  if (!window) throw new WaiaasError('CLI__USAGE', { reason: `--window "${opts.window}" must be 24h, 7d or 30d` });
  if ((opts.max === undefined) === (opts.usdMax === undefined)) {
    throw new WaiaasError('CLI__USAGE', { reason: 'give --max (an amount of --asset) or --usd-max (in USD), one of them' });
  }
  const client = await loginAsMaster(ctx.paths);
  if (opts.usdMax !== undefined) {
    if (opts.asset !== 'native') throw new WaiaasError('CLI__USAGE', { reason: '--usd-max counts every asset: leave out --asset' });
    const usdMax = usdAmount('--usd-max', opts.usdMax);
    await setRule(ctx, client, opts, { type: 'ROLLING_LIMIT', asset: USD_ASSET, window, usdMax });
    return;
  }
  const chain = opts.wallet ? (await client.call(adminRoutes.listWallets)).wallets.find((w) => w.id === opts.wallet || w.name === opts.wallet)?.chain : undefined;
  // As for spending limits: "1.5 SOL" / "0.1 ETH" for a wallet's native asset, else smallest units.
  const unit = opts.asset === 'native' && chain ? NATIVE_UNITS[chain] : { symbol: 'units', decimals: 0 };
  const rule = { type: 'ROLLING_LIMIT' as const, asset: opts.asset, window, max: parseAmount(opts.max ?? '', unit).toString() };
  await setRule(ctx, client, opts, rule);
}

export async function policySetRateLimitCommand(ctx: CliContext, opts: Scope & { maxRequests: string; window: string }): Promise<void> {
  const maxRequests = Number(opts.maxRequests);
  if (!Number.isSafeInteger(maxRequests) || maxRequests < 1) {
    throw new WaiaasError('CLI__USAGE', { reason: `--max-requests "${opts.maxRequests}" is not a whole number ≥ 1` });
  }
  const windowSeconds = parseDuration(opts.window);
  if (!windowSeconds) throw new WaiaasError('CLI__USAGE', { reason: `--window "${opts.window}" is not a duration like 60s, 1h or 1d` });
  await setRule(ctx, await loginAsMaster(ctx.paths), opts, { type: 'RATE_LIMIT', maxRequests, windowSeconds });
}

export async function policySetAllowedTokensCommand(ctx: CliContext, opts: Scope & { token: string[] }): Promise<void> {
  await setRule(ctx, await loginAsMaster(ctx.paths), opts, { type: 'ALLOWED_TOKENS', tokens: opts.token });
}

/**
 * --contract <address> or <address>:<method>,<method>: 0x-selectors for an EVM contract (0x…), hex
 * instruction discriminators (0x optional) for a Solana program.
 */
export async function policySetAllowedContractsCommand(ctx: CliContext, opts: Scope & { contract: string[] }): Promise<void> {
  const contracts = opts.contract.map((spec) => {
    const [address = '', methods] = spec.split(':');
    if (!methods) return { address };
    if (address.startsWith('0x')) return { address, selectors: methods.split(',') };
    return { address, discriminators: methods.split(',').map((d) => (d.startsWith('0x') ? d : `0x${d}`)) };
  });
  await setRule(ctx, await loginAsMaster(ctx.paths), opts, { type: 'ALLOWED_CONTRACTS', contracts });
}

/** --address <address> or <address>=<label> */
export async function policySetRecipientAllowlistCommand(ctx: CliContext, opts: Scope & { address: string[] }): Promise<void> {
  const specs = opts.address.map((spec) => {
    const at = spec.indexOf('=');
    return at < 0 ? { address: spec, label: undefined } : { address: spec.slice(0, at), label: spec.slice(at + 1) };
  });
  const labels = Object.fromEntries(specs.filter((s) => s.label).map((s) => [s.address, s.label as string]));
  const rule = { type: 'RECIPIENT_ALLOWLIST' as const, addresses: specs.map((s) => s.address), ...(Object.keys(labels).length ? { labels } : {}) };
  await setRule(ctx, await loginAsMaster(ctx.paths), opts, rule);
}

/** --days mon,tue,… --hours 9-17 (end exclusive) --time-zone Europe/Berlin */
export async function policySetTimeWindowCommand(ctx: CliContext, opts: Scope & { days: string; hours: string; timeZone: string }): Promise<void> {
  const hours = /^(\d{1,2})-(\d{1,2})$/.exec(opts.hours);
  if (!hours) throw new WaiaasError('CLI__USAGE', { reason: `--hours "${opts.hours}" is not a range like 9-17` });
  const days = opts.days.split(',').map((d) => d.trim().toLowerCase());
  const invalid = days.filter((d) => !Weekday.safeParse(d).success);
  if (invalid.length) throw new WaiaasError('CLI__USAGE', { reason: `--days "${invalid.join(',')}" must be among mon,tue,wed,thu,fri,sat,sun` });
  const rule = {
    type: 'TIME_WINDOW' as const,
    days: days as Weekday[],
    startHour: Number(hours[1]),
    endHour: Number(hours[2]),
    timeZone: opts.timeZone,
  };
  await setRule(ctx, await loginAsMaster(ctx.paths), opts, rule);
}

/** Token amounts are whole smallest units, as for token spending limits. */
export async function policySetApproveCapCommand(ctx: CliContext, opts: Scope & { token?: string; max: string }): Promise<void> {
  const max = parseAmount(opts.max, { symbol: 'units', decimals: 0 }).toString();
  const rule = { type: 'APPROVE_CAP' as const, ...(opts.token ? { token: opts.token } : {}), max };
  await setRule(ctx, await loginAsMaster(ctx.paths), opts, rule);
}

/**
 * --messages [--message-prefix <text>] and/or --domain <spec...>, where a spec is
 * <chainId>:<verifyingContract> or key=value pairs joined by commas (chainId, verifyingContract, name).
 */
export async function policySetAllowedSigningCommand(
  ctx: CliContext,
  opts: Scope & { messages?: boolean; messagePrefix?: string; domain?: string[] },
): Promise<void> {
  if (!opts.messages && !opts.domain?.length) throw new WaiaasError('CLI__USAGE', { reason: 'give --messages, --domain <spec>, or both' });
  if (opts.messagePrefix !== undefined && !opts.messages) throw new WaiaasError('CLI__USAGE', { reason: '--message-prefix needs --messages' });
  const rule = {
    type: 'ALLOWED_SIGNING' as const,
    messages: opts.messages === true,
    ...(opts.messagePrefix !== undefined ? { messagePrefix: opts.messagePrefix } : {}),
    typedDataDomains: (opts.domain ?? []).map(signingDomain),
  };
  await setRule(ctx, await loginAsMaster(ctx.paths), opts, rule);
}

function signingDomain(spec: string): { chainId?: number; verifyingContract?: string; name?: string } {
  const short = /^([0-9]+):(0x[0-9a-fA-F]{40})$/.exec(spec);
  if (short) return { chainId: Number(short[1]), verifyingContract: short[2] };
  const domain: { chainId?: number; verifyingContract?: string; name?: string } = {};
  for (const pair of spec.split(',')) {
    const at = pair.indexOf('=');
    const [key, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    if (key === 'chainId' && /^[0-9]+$/.test(value)) domain.chainId = Number(value);
    else if (key === 'verifyingContract') domain.verifyingContract = value;
    else if (key === 'name' && value) domain.name = value;
    else throw new WaiaasError('CLI__USAGE', { reason: `--domain "${spec}" is not <chainId>:<verifyingContract> or chainId=…,verifyingContract=…,name=…` });
  }
  return domain;
}

export async function policyRemoveCommand(ctx: CliContext, id: string): Promise<void> {
  const { policy } = await (await loginAsMaster(ctx.paths)).call(adminRoutes.removePolicy, { params: { id } });
  ctx.out.result({ policy }, () => `Removed ${policy.rule.type} ${policy.id}`);
}

async function setRule(ctx: CliContext, client: Awaited<ReturnType<typeof loginAsMaster>>, scope: Scope, rule: PolicyRule) {
  const { policy } = await client.call(adminRoutes.setPolicy, { body: { wallet: scope.wallet, session: scope.session, rule } });
  ctx.out.result({ policy }, () => `Set ${policy.scope} policy ${policy.id}: ${describeRule(policy.rule, undefined, policy.scope)}`);
}
