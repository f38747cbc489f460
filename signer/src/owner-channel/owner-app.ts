import { ownerRoutes, type owner } from '@waiaas/protocol';
import { Hono } from 'hono';
import type { Logger } from '../log/logger.js';
import { bodyLimit } from '../server/middleware/body-limit.js';
import { createErrorHandler, notFound } from '../server/middleware/error-handler.js';
import { hostGuard } from '../server/middleware/host-guard.js';
import { mountRoute } from '../server/mount-route.js';
import { mountCosignPage } from './cosign-page/mount-cosign-page.js';

/**
 * The Owner channel's HTTP side, on the loopback TCP listener only: pairing. Unlike the agent API
 * it expects a browser Origin (the extension's), which the pairing checks and stores.
 */
export function createOwnerApp(deps: {
  log: Logger;
  maxBodyBytes: number;
  pair: (request: owner.PairRequest, origin: string | undefined) => owner.PairResponse;
}): Hono {
  const app = new Hono();
  app.onError(createErrorHandler(deps.log));
  app.notFound(notFound);
  app.use('*', hostGuard(), bodyLimit(deps.maxBodyBytes));
  mountRoute(app, ownerRoutes.pair, ({ body }, c) => deps.pair(body, c.req.header('origin')));
  // The page where the Owner signs with their own wallet: wallets inject into http(s) pages only.
  mountCosignPage(app);
  return app;
}
