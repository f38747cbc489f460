import { type admin, adminRoutes } from '@waiaas/protocol';
import type { Env, Hono } from 'hono';
import { mountRoute } from '../mount-route.js';

/** What the admin API can do about the Owner and their approvals. */
export interface OwnerAdmin {
  status(): admin.OwnerStatus;
  set(address: string): admin.OwnerStatus;
  remove(): admin.OwnerStatus;
  approvals(): admin.Approval[];
  answer(id: string, action: 'approve' | 'reject', signature: string): Promise<{ approvalId: string; transactionId: string; status: 'APPROVED' | 'REJECTED' }>;
}

export function mountOwnerRoutes<E extends Env>(app: Hono<E>, owner: OwnerAdmin) {
  mountRoute(app, adminRoutes.getOwner, () => owner.status());
  mountRoute(app, adminRoutes.setOwner, ({ body }) => owner.set(body.address));
  mountRoute(app, adminRoutes.removeOwner, () => owner.remove());
  mountRoute(app, adminRoutes.listApprovals, () => ({ approvals: owner.approvals() }));
  mountRoute(app, adminRoutes.approve, ({ params, body }) => owner.answer(params.id, 'approve', body.signature));
  mountRoute(app, adminRoutes.reject, ({ params, body }) => owner.answer(params.id, 'reject', body.signature));
}
