import { adminRoutes, cosignText, cosignTypedData } from '@waiaas/protocol';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';

export async function killSwitchStatusCommand(ctx: CliContext): Promise<void> {
  const status = await (await loginAsMaster(ctx.paths)).call(adminRoutes.killSwitchStatus);
  ctx.out.result(status, () =>
    `kill switch ${status.state} since ${status.changedAt} (by ${status.actor}${status.reason ? `: ${status.reason}` : ''})`,
  );
}

export async function killSwitchActivateCommand(ctx: CliContext, opts: { reason?: string }): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const result = await client.call(adminRoutes.activateKillSwitch, { body: { reason: opts.reason } });
  ctx.out.result(result, () =>
    [
      `Kill switch ENGAGED (${result.killSwitch.state}).`,
      `  revoked sessions          ${result.revokedSessions}`,
      `  cancelled transactions    ${result.cancelledTransactions}`,
      'Agents are refused until "waiaas kill-switch recover".',
    ].join('\n'),
  );
}

export async function killSwitchRecoverCommand(ctx: CliContext, opts: { nonce?: string; signature?: string }): Promise<void> {
  const body = opts.nonce && opts.signature ? { nonce: opts.nonce, signature: opts.signature } : {};
  const { killSwitch } = await (await loginAsMaster(ctx.paths)).call(adminRoutes.recoverKillSwitch, { body });
  ctx.out.result({ killSwitch }, () => `Kill switch ${killSwitch.state}. Revoked sessions stay revoked: create new ones.`);
}

/** Prints the message the registered Owner signs to agree to a recovery, and its nonce. */
export async function killSwitchRecoverMessageCommand(ctx: CliContext): Promise<void> {
  const request = await (await loginAsMaster(ctx.paths)).call(adminRoutes.recoverKillSwitchMessage);
  const message = request.format === 'solana-message' ? cosignText(request.fields) : JSON.stringify(cosignTypedData(request.fields));
  ctx.out.result({ format: request.format, nonce: request.fields.nonce, message, expiresAt: request.fields.expiresAt }, () =>
    [
      `Sign this with the Owner's wallet (${request.format === 'solana-message' ? 'signMessage, UTF-8 text' : 'eth_signTypedData_v4'}), before ${request.fields.expiresAt}:`,
      '',
      message,
      '',
      `Then: waiaas kill-switch recover --nonce ${request.fields.nonce} --signature <signature>`,
    ].join('\n'),
  );
}
