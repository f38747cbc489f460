import { type admin, adminRoutes, WaiaasError } from '@waiaas/protocol';
import { auditBreakError } from '../../audit/audit-break-error.js';
import { parseDuration } from '../../config/duration.js';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';

export interface AuditListOptions {
  wallet?: string;
  session?: string;
  action?: string;
  since?: string;
  until?: string;
  limit?: string;
}

const NO_CHECKPOINT =
  'No checkpoint yet: entries removed from the end of the log cannot be detected until the Owner signs a checkpoint (audit.checkpoint from a paired device).';

export async function auditVerifyCommand(ctx: CliContext): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const result = await client.call(adminRoutes.verifyAudit);
  if (result.status === 'broken') throw auditBreakError(result);
  ctx.out.result(result, () => verifiedLines(result).join('\n'));
}

function verifiedLines(result: admin.AuditVerifyResponse): string[] {
  const { verified, legacy, firstSeq, head } = result;
  const lines = [
    head === null || firstSeq === null
      ? 'Audit log intact: no chained entries yet.'
      : `Audit log intact: ${verified} entries verified with the audit key (seq ${firstSeq}–${head.seq}).`,
  ];
  if (head !== null) lines.push(`  head  seq ${head.seq}  ${head.entryHash}`);
  if (legacy > 0) lines.push(`  ${legacy} earlier entries predate the chain and are not covered.`);
  for (const c of result.checkpoints) lines.push(checkpointLine(c));
  if (result.checkpoint === null) lines.push(NO_CHECKPOINT);
  return lines;
}

/** One Owner-signed checkpoint, and whom it was checked against. */
function checkpointLine(c: admin.AuditCheckpointReport): string {
  return `  checkpoint  seq ${c.seq}  ${c.entryHash}  ${c.status}: signed by the Owner ${c.owner.address} (${c.owner.chain}) at ${c.signedAt}`;
}

export async function auditListCommand(ctx: CliContext, opts: AuditListOptions, now = Date.now()): Promise<void> {
  const query: Record<string, string> = {};
  if (opts.wallet !== undefined) query.wallet = opts.wallet;
  if (opts.session !== undefined) query.session = opts.session;
  if (opts.action !== undefined) query.action = opts.action;
  if (opts.since !== undefined) query.since = parseTime('--since', opts.since, now);
  if (opts.until !== undefined) query.until = parseTime('--until', opts.until, now);
  if (opts.limit !== undefined) query.limit = opts.limit;
  const client = await loginAsMaster(ctx.paths);
  const { entries } = await client.call(adminRoutes.listAudit, { query });
  ctx.out.result({ entries }, () => (entries.length === 0 ? 'No audit entries match.' : entries.map(entryLine).join('\n')));
}

function entryLine(e: admin.AuditEntry): string {
  const wallet = e.walletId === null ? [] : [`wallet=${e.walletName ?? e.walletId}`];
  const session = e.sessionId === null || e.actor === `session:${e.sessionId}` ? [] : [`session=${e.sessionId}`];
  const details = typeof e.details === 'object' && e.details !== null && Object.keys(e.details).length === 0 ? [] : [JSON.stringify(e.details)];
  return [String(e.seq).padStart(6), e.at, e.action.padEnd(20), e.actor, ...wallet, ...session, ...details].join('  ');
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** "2026-05-01", "2026-05-01T12:00:00Z" (a time without a zone is local), or a duration ago: "30m", "7d". */
export function parseTime(option: string, input: string, now: number): string {
  const seconds = parseDuration(input);
  const at = seconds !== undefined ? now - seconds * 1000 : ISO_TIME.test(input.trim()) ? Date.parse(input.trim()) : Number.NaN;
  // NaN, or beyond what a Date can hold ("99999999d").
  if (Number.isNaN(new Date(at).getTime())) throw new WaiaasError('AUDIT__INVALID_TIME', { option, input });
  return new Date(at).toISOString();
}
