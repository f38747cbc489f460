import { Id, owner } from '@waiaas/protocol';
import { z } from 'zod';
import type { PageRequest } from './messages.js';

/** Picked by the page; only matched against the reply, never used for anything else. */
const RequestId = z.string().min(1).max(64);
const request = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ id: RequestId, type: z.literal(type), ...shape });

/**
 * Every PageRequest, checked by the background before it acts. The pages are our own code, but a
 * compromised or buggy page must still not be able to send the signer anything malformed: the
 * background parses here, at its edge, with the protocol's own schemas where they exist.
 */
export const PageRequestSchema = z.discriminatedUnion('type', [
  request('getState', {}),
  request('pair', { signerUrl: z.string().min(1).max(200), code: z.string().min(1).max(64), deviceName: z.string().min(1).max(64) }),
  request('unpair', {}),
  request('approve', { approvalId: Id }),
  request('reject', { approvalId: Id, reason: z.string().max(500).optional() }),
  request('revokeSession', { sessionId: Id }),
  request('activateKillSwitch', { reason: z.string().max(500).optional() }),
  request('cancelTransaction', { transactionId: Id }),
  request('registerOwner', { chain: owner.OwnerChain }),
  request('getOwner', {}),
  request('listPolicies', { wallet: z.string().min(1).max(64).optional() }),
  request('changePolicy', { change: owner.PolicyChange }),
  request('setPrefs', { prefs: z.strictObject({ approvals: z.boolean(), notices: z.boolean() }) }),
]) satisfies z.ZodType<PageRequest>;

// Every request type of the contract has a schema: a type added to PageRequest without one fails here.
type Unchecked = Exclude<PageRequest['type'], z.infer<typeof PageRequestSchema>['type']>;
const everyRequestChecked: [Unchecked] extends [never] ? true : Unchecked = true;
void everyRequestChecked;

export type PageRequestParse = { ok: true; request: PageRequest } | { ok: false; id: string | null; issue: string };

/** Parses a page's message; a malformed one still yields its id (when it has one) so the page gets an answer. */
export function parsePageRequest(message: unknown): PageRequestParse {
  const parsed = PageRequestSchema.safeParse(message);
  if (parsed.success) return { ok: true, request: parsed.data };
  const id = RequestId.safeParse(typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined);
  const issue = parsed.error.issues[0];
  return { ok: false, id: id.success ? id.data : null, issue: issue ? `${issue.path.join('.') || '(message)'}: ${issue.message}` : 'unknown problem' };
}
