import { adminRoutes, cosignText, cosignTypedData } from '@waiaas/protocol';
import type { CliContext } from '../context.js';
import { loginAsMaster } from '../login.js';

export async function approvalListCommand(ctx: CliContext): Promise<void> {
  const { approvals } = await (await loginAsMaster(ctx.paths)).call(adminRoutes.listApprovals);
  ctx.out.result({ approvals }, () =>
    approvals.length === 0
      ? 'No approval is waiting.'
      : approvals
          .map((a) => `${a.id}  ${a.summary}\n  wallet ${a.walletName} on ${a.network}, expires ${a.expiresAt}\n  why: ${a.policyReason ?? '—'}`)
          .join('\n'),
  );
}

/** Prints the exact message the Owner's wallet must sign to answer an approval. */
export async function approvalMessageCommand(ctx: CliContext, id: string, action: 'approve' | 'reject'): Promise<void> {
  const { approvals } = await (await loginAsMaster(ctx.paths)).call(adminRoutes.listApprovals);
  const request = approvals.find((a) => a.id === id)?.cosign?.[action];
  if (!request) {
    ctx.out.result({ message: null }, () => `Approval ${id} is not waiting for an answer.`);
    return;
  }
  const message = request.format === 'solana-message' ? cosignText(request.fields) : JSON.stringify(cosignTypedData(request.fields));
  ctx.out.result({ format: request.format, message }, () => message);
}

export async function approvalAnswerCommand(ctx: CliContext, id: string, action: 'approve' | 'reject', signature: string): Promise<void> {
  const client = await loginAsMaster(ctx.paths);
  const route = action === 'approve' ? adminRoutes.approve : adminRoutes.reject;
  const result = await client.call(route, { params: { id }, body: { signature } });
  ctx.out.result(result, () => `Approval ${result.approvalId}: ${result.status} (transaction ${result.transactionId}).`);
}
