import { adminRoutes, type owner } from '@waiaas/protocol';
import type { Env, Hono } from 'hono';
import { mountRoute } from '../server/mount-route.js';

/** What the admin API can do about pairing: `waiaas pair`, `pair list`, `pair revoke`. */
export interface PairingAdmin {
  createPairingCode(request: { ttlSeconds?: number }): owner.CreatePairingCodeResponse;
  listDevices(): owner.OwnerDevice[];
  revokeDevice(deviceId: string): { device: owner.OwnerDevice; closedConnections: number };
}

export function mountPairingRoutes<E extends Env>(app: Hono<E>, pairing: PairingAdmin) {
  mountRoute(app, adminRoutes.createPairingCode, ({ body }) => pairing.createPairingCode(body));
  mountRoute(app, adminRoutes.listOwnerDevices, () => ({ devices: pairing.listDevices() }));
  mountRoute(app, adminRoutes.revokeOwnerDevice, ({ params }) => pairing.revokeDevice(params.id));
}
