import { type admin, adminRoutes } from '@waiaas/protocol';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';

const describe = (s: admin.OwnerStatus) => {
  if (s.state === 'NONE') return 'No Owner: APPROVAL-tier requests are downgraded to DELAY. Set one with "waiaas owner set <address>".';
  const how = s.state === 'GRACE'
    ? 'GRACE: not yet proven; it becomes LOCKED the first time the Owner signs (an approval, from the extension).'
    : `LOCKED since ${s.lockedAt}: only a message signed by this Owner can replace them.`;
  return `Owner ${s.address} (${s.chain})\n  ${how}`;
};

export async function ownerShowCommand(ctx: CliContext): Promise<void> {
  const status = await (await loginAsMaster(ctx.paths)).call(adminRoutes.getOwner);
  ctx.out.result({ owner: status }, () => describe(status));
}

export async function ownerSetCommand(ctx: CliContext, address: string): Promise<void> {
  const status = await (await loginAsMaster(ctx.paths)).call(adminRoutes.setOwner, { body: { address } });
  ctx.out.result({ owner: status }, () => `${describe(status)}\nAPPROVAL-tier requests now wait for this Owner.`);
}

export async function ownerRemoveCommand(ctx: CliContext): Promise<void> {
  const status = await (await loginAsMaster(ctx.paths)).call(adminRoutes.removeOwner);
  ctx.out.result({ owner: status }, () => describe(status));
}
