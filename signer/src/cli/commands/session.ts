import { adminRoutes, type admin, formatAmount, NATIVE_UNITS, parseAmount, WaiaasError } from '@waiaas/protocol';
import { formatDuration, parseDuration } from '../../config/duration.js';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';

export interface SessionCreateOptions {
  wallet: string;
  ttl?: string;
  maxPerTx?: string;
  maxTotal?: string;
}

export async function sessionCreateCommand(ctx: CliContext, opts: SessionCreateOptions): Promise<void> {
  const ttlSeconds = opts.ttl === undefined ? undefined : parseTtl(opts.ttl);
  const client = await loginAsMaster(ctx.paths);
  const { wallets } = await client.call(adminRoutes.listWallets);
  const wallet = wallets.find((w) => w.id === opts.wallet || w.name === opts.wallet);
  if (!wallet) throw new WaiaasError('WALLET__NOT_FOUND', { wallet: opts.wallet });
  // Limits are typed by a person ("0.5 SOL"); from here on they are integers of the smallest unit.
  const unit = NATIVE_UNITS[wallet.chain];
  const maxPerTx = opts.maxPerTx === undefined ? undefined : parseAmount(opts.maxPerTx, unit).toString();
  const maxTotal = opts.maxTotal === undefined ? undefined : parseAmount(opts.maxTotal, unit).toString();
  const { session, token } = await client.call(adminRoutes.createSession, {
    body: { wallet: wallet.id, ttlSeconds, maxPerTx, maxTotal },
  });
  ctx.out.result({ session, token }, () =>
    [
      `Session ${session.id} on wallet "${session.walletName}", expires ${session.expiresAt}`,
      ...limitLines(session, unit),
      '',
      'Token (shown only this once; give it to the agent as its bearer token):',
      token,
    ].join('\n'),
  );
}

export async function sessionListCommand(ctx: CliContext, opts: { wallet?: string; all?: boolean }): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const query: Record<string, string> = {};
  if (opts.wallet) query.wallet = opts.wallet;
  if (opts.all) query.all = 'true';
  const { sessions } = await client.call(adminRoutes.listSessions, { query });
  ctx.out.result({ sessions }, () =>
    sessions.length === 0
      ? 'No active sessions.'
      : sessions
          .map((s) => `${s.id}  ${s.walletName.padEnd(16)} ${s.status.padEnd(8)} expires ${s.expiresAt}  renewed ${s.renewCount}/${s.maxRenewals}`)
          .join('\n'),
  );
}

export async function sessionRevokeCommand(ctx: CliContext, id: string): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const { session } = await client.call(adminRoutes.revokeSession, { params: { id } });
  ctx.out.result({ session }, () => `Revoked session ${session.id} (wallet "${session.walletName}")`);
}

function parseTtl(input: string): number {
  const seconds = parseDuration(input);
  if (seconds === undefined || seconds <= 0) {
    throw new WaiaasError('SESSION__INVALID_TTL', { input, reason: 'use a duration like 30m, 1h or 7d; sessions cannot be unlimited' });
  }
  return seconds;
}

function limitLines(session: admin.Session, unit: { symbol: string; decimals: number }): string[] {
  const show = (value: string | null) => (value === null ? 'none' : formatAmount(BigInt(value), unit));
  return [`  max per transaction  ${show(session.limits.maxPerTx)}`, `  max in total         ${show(session.limits.maxTotal)}`, `  ttl                  ${formatDuration((Date.parse(session.expiresAt) - Date.parse(session.createdAt)) / 1000)}`];
}
