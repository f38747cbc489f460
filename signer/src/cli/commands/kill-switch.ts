import { adminRoutes } from '@waiaas/protocol';
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

export async function killSwitchRecoverCommand(ctx: CliContext): Promise<void> {
  const { killSwitch } = await (await loginAsMaster(ctx.paths)).call(adminRoutes.recoverKillSwitch);
  ctx.out.result({ killSwitch }, () => `Kill switch ${killSwitch.state}. Revoked sessions stay revoked: create new ones.`);
}
