import { WaiaasError, adminRoutes } from '@waiaas/protocol';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';
import { parseDuration } from '../../config/duration.js';

export async function pairCommand(ctx: CliContext, opts: { ttl?: string }): Promise<void> {
  const ttlSeconds = opts.ttl === undefined ? undefined : parseDuration(opts.ttl);
  if (opts.ttl !== undefined && ttlSeconds === undefined) {
    throw new WaiaasError('CLI__USAGE', { reason: `--ttl "${opts.ttl}" is not a duration such as 90s or 5m` });
  }
  const client = await loginAsMaster(ctx.paths);
  const result = await client.call(adminRoutes.createPairingCode, { body: { ttlSeconds } });
  ctx.out.result(result, () =>
    [
      "Pair the Owner's browser: open the WAIaaS extension and enter",
      `  code                 ${result.code}`,
      `  signer address       ${result.address}`,
      `  identity fingerprint ${result.fingerprint}`,
      `  signer identity      ${result.signerIdentity}`,
      `The code works once, until ${result.expiresAt}. Check the extension's settings show the same signer`,
      'identity: every co-sign message your wallet is asked to sign names this signer by it.',
    ].join('\n'),
  );
}

export async function pairListCommand(ctx: CliContext): Promise<void> {
  const { devices } = await (await loginAsMaster(ctx.paths)).call(adminRoutes.listOwnerDevices);
  ctx.out.result({ devices }, () =>
    devices.length === 0
      ? 'No paired devices.'
      : devices.map((d) => `${d.id}  ${d.status.padEnd(7)}  ${d.name}  ${d.origin}  paired ${d.pairedAt}`).join('\n'),
  );
}

export async function pairRevokeCommand(ctx: CliContext, id: string): Promise<void> {
  const result = await (await loginAsMaster(ctx.paths)).call(adminRoutes.revokeOwnerDevice, { params: { id } });
  ctx.out.result(result, () => `Device ${result.device.id} (${result.device.name}) revoked; ${result.closedConnections} connection(s) closed.`);
}
