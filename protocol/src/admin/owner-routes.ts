import { defineRoute } from '../common/route.js';
import { IdParams } from '../common/ids.js';
import { AnswerApprovalRequest, AnswerApprovalResponse, ListApprovalsResponse, OwnerStatus, SetOwnerRequest } from './owner-schemas.js';

const ADMIN_ERRORS = ['ADMIN__AUTH_REQUIRED', 'ADMIN__INVALID_TOKEN'] as const;
const ANSWER_ERRORS = [
  ...ADMIN_ERRORS,
  'OWNER__NOT_REGISTERED',
  'APPROVAL__NOT_FOUND',
  'APPROVAL__ALREADY_DECIDED',
  'APPROVAL__EXPIRED',
  'COSIGN__INVALID_SIGNATURE',
  'COSIGN__NONCE_USED',
  'COSIGN__EXPIRED',
] as const;

/** The Owner and the approvals waiting for them, as the master sees them from the CLI. */
export const ownerAdminRoutes = {
  getOwner: defineRoute({
    method: 'GET',
    path: '/v1/admin/owner',
    auth: 'admin',
    summary: 'The Owner: NONE, GRACE (address set, not yet proven) or LOCKED (proven by a signature).',
    response: OwnerStatus,
    errors: ADMIN_ERRORS,
  }),
  setOwner: defineRoute({
    method: 'PUT',
    path: '/v1/admin/owner',
    auth: 'admin',
    summary: "Set the Owner's address (GRACE). Refused once the Owner is LOCKED: only their signature changes it then.",
    body: SetOwnerRequest,
    response: OwnerStatus,
    errors: [...ADMIN_ERRORS, 'OWNER__INVALID_ADDRESS', 'OWNER__LOCKED'],
  }),
  removeOwner: defineRoute({
    method: 'DELETE',
    path: '/v1/admin/owner',
    auth: 'admin',
    summary: 'Remove an Owner still in GRACE (APPROVAL becomes DELAY again).',
    response: OwnerStatus,
    errors: [...ADMIN_ERRORS, 'OWNER__NOT_REGISTERED', 'OWNER__LOCKED'],
  }),
  listApprovals: defineRoute({
    method: 'GET',
    path: '/v1/admin/approvals',
    auth: 'admin',
    summary: 'Approvals waiting for the Owner, each with the messages that approve or reject it.',
    response: ListApprovalsResponse,
    errors: ADMIN_ERRORS,
  }),
  approve: defineRoute({
    method: 'POST',
    path: '/v1/admin/approvals/:id/approve',
    auth: 'admin',
    summary: "Approve with the Owner's signature over the approve message.",
    params: IdParams,
    body: AnswerApprovalRequest,
    response: AnswerApprovalResponse,
    errors: ANSWER_ERRORS,
  }),
  reject: defineRoute({
    method: 'POST',
    path: '/v1/admin/approvals/:id/reject',
    auth: 'admin',
    summary: "Reject with the Owner's signature over the reject message. Wins over an approval not yet signed.",
    params: IdParams,
    body: AnswerApprovalRequest,
    response: AnswerApprovalResponse,
    errors: [...ANSWER_ERRORS, 'APPROVAL__TOO_LATE_TO_REJECT'],
  }),
};
