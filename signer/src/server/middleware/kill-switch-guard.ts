import { WaiaasError } from '@waiaas/protocol';
import type { MiddlewareHandler } from 'hono';
import type { KillSwitchStore } from '../../kill-switch/kill-switch-store.js';
import { errorResponse } from './error-handler.js';

/** While the kill switch is engaged, every agent request but GET /health is refused with 503. */
export function killSwitchGuard(killSwitch: Pick<KillSwitchStore, 'get'>): MiddlewareHandler {
  return async function killSwitchGuard(c, next) {
    if (c.req.method === 'GET' && c.req.path === '/health') return next();
    const { state, changedAt } = killSwitch.get();
    if (state !== 'ACTIVE') return errorResponse(c, new WaiaasError('KILL_SWITCH__ENGAGED', { state, since: changedAt }));
    await next();
  };
}
