import type { KeyObject } from 'node:crypto';
import { type admin, WaiaasError } from '@waiaas/protocol';
import { parseOwnerAddress } from '../owner/owner-address.js';
import { verifyCosign } from '../owner/verify-cosign.js';
import { checkpointFields } from './checkpoint-message.js';
import type { CheckpointRow, CheckpointStore } from './checkpoint-store.js';
import type { AuditStore } from './audit-store.js';
import { verifyAuditChain } from './verify-audit-chain.js';

export interface VerifyAuditLogDeps {
  store: Pick<AuditStore, 'rows' | 'seqOfEntryHash' | 'entryHashAt'>;
  checkpoints: Pick<CheckpointStore, 'all'>;
  auditKey: () => KeyObject;
  signerIdentity: () => string;
}

/**
 * `waiaas audit verify`: the chain walked with the audit key, held to every checkpoint whose Owner
 * signature verifies. A checkpoint row is only as good as its signature — the file holding it can
 * be edited like the log — so one that does not verify is itself a break, and never vouches for
 * anything. A checkpoint is checked against the Owner stored with it: it stays valid after that
 * Owner is replaced.
 */
export async function verifyAuditLog(deps: VerifyAuditLogDeps): Promise<admin.AuditVerifyResponse> {
  const identity = deps.signerIdentity();
  const signed = await Promise.all(deps.checkpoints.all().map(async (row) => ({ row, valid: await ownerSigned(row, identity) })));
  const held = signed.filter((s) => s.valid).map(({ row }) => ({ seq: row.seq, entryHash: row.entry_hash }));
  const chain = verifyAuditChain(deps.store, deps.auditKey(), { checkpoints: held });
  const checkpoints = signed.map(({ row, valid }) => report(row, valid, deps.store));
  const forged = signed.find((s) => !s.valid);
  if (forged !== undefined) {
    const { status: _status, ...walk } = chain;
    return { ...walk, status: 'broken', checkpoints, break: { seq: forged.row.seq, reason: 'forged', afterSeq: null } };
  }
  return { ...chain, checkpoints };
}

/** The stored checkpoint's message, rendered again for this signer, signed by the Owner stored with it. */
async function ownerSigned(row: CheckpointRow, signer: string): Promise<boolean> {
  try {
    const owner = parseOwnerAddress(row.owner_address);
    if (owner.chain !== row.owner_chain || owner.address !== row.owner_address) return false;
    const head = { seq: row.seq, entryHash: row.entry_hash, entries: row.entries };
    const nonce = { nonce: row.nonce, issuedAt: row.issued_at, expiresAt: row.expires_at };
    await verifyCosign(owner, checkpointFields(head, signer, nonce), row.signature);
    return true;
  } catch (error) {
    // An unreadable address or signature, or one over other fields: the row was not signed as stored.
    if (error instanceof WaiaasError || error instanceof RangeError || error instanceof TypeError) return false;
    throw error;
  }
}

function report(row: CheckpointRow, valid: boolean, store: Pick<AuditStore, 'entryHashAt'>): admin.AuditCheckpointReport {
  const entry = store.entryHashAt(row.seq);
  const status = !valid ? 'forged' : entry === undefined ? 'missing' : entry.entry_hash !== row.entry_hash ? 'diverged' : 'verified';
  return {
    seq: row.seq,
    entryHash: row.entry_hash,
    entries: row.entries,
    owner: { chain: row.owner_chain, address: row.owner_address },
    signedAt: new Date(row.signed_at).toISOString(),
    status,
  };
}
