import { admin, agent } from '@waiaas/protocol';
import { z } from 'zod';
import type { ActivityItem, CompanionState } from '../port/messages.js';

const ActivityKind = z.enum([
  'transaction.status_changed',
  'transaction.notify',
  'session.created',
  'session.revoked',
  'kill_switch.changed',
  'approval.requested',
  'approval.resolved',
  'budget.changed',
]) satisfies z.ZodType<ActivityItem['kind']>;

const CachedActivityItem = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  kind: ActivityKind,
  text: z.string(),
  transactionId: z.string().optional(),
}) satisfies z.ZodType<ActivityItem>;

/**
 * What a restarted service worker shows at once, and the seq it resumes from. Kept in one storage
 * key so the seq always matches the state written with it. Parsed on load: a cache from an older
 * build that no longer fits is dropped, and the signer sends a fresh snapshot instead.
 */
export const CachedCompanion = z.object({
  lastSeq: z.number().int().nonnegative().nullable(),
  approvals: z.array(admin.Approval),
  sessions: z.array(admin.Session),
  delayed: z.array(agent.Transaction),
  killSwitch: admin.KillSwitchStatus.nullable(),
  activity: z.array(CachedActivityItem),
});
export type CachedCompanion = z.infer<typeof CachedCompanion>;

export function parseCachedCompanion(value: unknown): CachedCompanion | null {
  const parsed = CachedCompanion.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function cacheOf(state: CompanionState, lastSeq: number | null): CachedCompanion {
  const { approvals, sessions, delayed, killSwitch, activity } = state;
  return { lastSeq, approvals, sessions, delayed, killSwitch, activity };
}
