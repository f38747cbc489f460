import type { admin, CosignRequest, owner } from '@waiaas/protocol';
import type { PageResults, PairingInfo } from '../port/messages.js';
import { companionFailure, isCompanionFailure, toCompanionError } from './companion-failure.js';
import type { CosignWindow, CosignWindowContent, CosignWindows } from './cosign-windows.js';
import type { OwnerConnection } from './owner-connection.js';

export interface CosignFlowDeps {
  windows: CosignWindows;
  command: OwnerConnection['command'];
  pairing(): Promise<PairingInfo | null>;
  /** The pending approvals the companion knows (its state). */
  approvals(): readonly admin.Approval[];
  now(): number;
}

/** Picking a wallet in the window has no signer deadline yet; the Owner gets this long. */
export const CONNECT_TIMEOUT_MS = 10 * 60_000;

export interface CosignFlows {
  approve(approvalId: string): Promise<PageResults['approve']>;
  reject(approvalId: string, reason?: string): Promise<PageResults['reject']>;
  registerOwner(chain: owner.OwnerChain): Promise<PageResults['registerOwner']>;
  changePolicy(change: owner.PolicyChange): Promise<PageResults['changePolicy']>;
}

/**
 * What needs the Owner's own wallet: the companion opens the co-sign window, the Owner's wallet
 * signs there, and the signature goes to the signer as the matching command. The page is told the
 * signer's verdict ('done') and closes itself. The device alone never approves anything.
 */
export function createCosignFlows(deps: CosignFlowDeps): CosignFlows {
  const signerUrl = async () => {
    const pairing = await deps.pairing();
    if (!pairing) throw companionFailure('COMPANION__NOT_PAIRED');
    return pairing.signerUrl;
  };

  /** Runs `flow` in a new window; tells the page how it ended, unless the Owner closed it. */
  async function inWindow<T>(content: CosignWindowContent, flow: (window: CosignWindow) => Promise<{ result: T; done: string }>): Promise<T> {
    const window = await deps.windows.open(await signerUrl(), content);
    try {
      const { result, done } = await flow(window);
      await window.send({ kind: 'done', ok: true, message: done }).catch(() => undefined);
      return result;
    } catch (error) {
      if (!isCompanionFailure(error, 'COMPANION__COSIGN_CANCELLED')) {
        await window.send({ kind: 'done', ok: false, message: toCompanionError(error).message.slice(0, 500) }).catch(() => undefined);
      }
      throw error;
    } finally {
      window.dispose();
    }
  }

  const signed = async (window: CosignWindow, request: CosignRequest) => {
    const message = await window.next(Date.parse(request.fields.expiresAt));
    if (message.kind !== 'signed') throw companionFailure('COMPANION__COSIGN_UNEXPECTED', { kind: message.kind });
    return message;
  };

  /** The approval's co-sign messages, from the state or, if it is not there yet, from the signer. */
  const cosignOf = async (approvalId: string) => {
    const known = deps.approvals().find((a) => a.id === approvalId);
    const approval = known ?? (await deps.command('approval.list', {})).approvals.find((a) => a.id === approvalId);
    if (!approval || approval.status !== 'PENDING' || !approval.cosign) throw companionFailure('COMPANION__APPROVAL_NOT_PENDING', { approvalId });
    return approval.cosign;
  };

  return {
    async approve(approvalId) {
      const request = (await cosignOf(approvalId)).approve;
      return inWindow({ mode: 'sign', request }, async (window) => {
        const { signature } = await signed(window, request);
        await deps.command('approval.approve', { approvalId, signature });
        return { result: { status: 'APPROVED' }, done: 'Approved: the transaction goes ahead.' };
      });
    },
    async reject(approvalId, reason) {
      const request = (await cosignOf(approvalId)).reject;
      const why = reason?.trim();
      return inWindow({ mode: 'sign', request }, async (window) => {
        const { signature } = await signed(window, request);
        await deps.command('approval.reject', { approvalId, signature, ...(why && { reason: why }) });
        return { result: { status: 'REJECTED' }, done: 'Rejected: the transaction will not be sent.' };
      });
    },
    async registerOwner(chain) {
      return inWindow({ mode: 'connect', chain }, async (window) => {
        const connected = await window.next(deps.now() + CONNECT_TIMEOUT_MS);
        if (connected.kind !== 'connected' || connected.chain !== chain) throw companionFailure('COMPANION__COSIGN_UNEXPECTED', { kind: connected.kind });
        const messages = await deps.command('owner.register_message', { address: connected.address });
        // Replacing a LOCKED Owner needs the current Owner's signature as well: a CLI job, not the companion's.
        if (messages.currentOwner !== null) throw companionFailure('COMPANION__OWNER_REPLACE_UNSUPPORTED');
        await window.send({ kind: 'sign', request: messages.owner });
        const { signature } = await signed(window, messages.owner);
        const { owner: status } = await deps.command('owner.register', { address: connected.address, nonce: messages.owner.fields.nonce, signature });
        return { result: { owner: status }, done: `${connected.address} is now the Owner (${status.state}).` };
      });
    },
    async changePolicy(change) {
      // Asked before any window opens, so a change the signer refuses fails without one.
      const request = await deps.command('policy.change_message', { change });
      return inWindow({ mode: 'sign', request }, async (window) => {
        const { signature } = await signed(window, request);
        const { policy } = await deps.command('policy.change', { change, nonce: request.fields.nonce, signature });
        return { result: { policy }, done: 'The policy change is saved.' };
      });
    },
  };
}
