import { admin, agent, type owner } from '@waiaas/protocol';

/** Ids as the signer makes them (UUID v7); `n` keeps them apart and readable. */
export const id = (n: number) => `01936a5c-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
export const WALLET = id(0xb0b);

const fields = (action: 'approve' | 'reject', nonce: string) => ({
  action,
  summary: 'Send 0.000000000000007 ETH to 0x0000…0b0b from agent wallet agent',
  amount: '7000 wei',
  recipient: '0x00000000000000000000000000000000000b0b0b',
  network: 'local-evm',
  wallet: 'agent (0xabc…)',
  digest: '0xd1g35t',
  signer: 'ed25519:4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T',
  nonce,
  issuedAt: '2026-11-21T10:00:00.000Z',
  expiresAt: '2026-11-21T10:15:00.000Z',
});

/** A PENDING approval as the signer pushes it, checked against the protocol schema. */
export function approvalFixture(n: number, overrides: Partial<admin.Approval> = {}): admin.Approval {
  return admin.Approval.parse({
    id: id(n),
    transactionId: id(n + 0x1000),
    walletId: WALLET,
    walletName: 'agent',
    chain: 'evm',
    sessionId: id(0x5e55),
    network: 'local-evm',
    type: 'TRANSFER',
    status: 'PENDING',
    summary: `Send ${n} wei`,
    amount: `${n} wei`,
    recipient: '0x00000000000000000000000000000000000b0b0b',
    recipientLabel: null,
    recipientKnown: false,
    policyReason: 'above the approval threshold',
    justification: null,
    contentDigest: '0xd1g35t',
    usdValue: null,
    simulation: null,
    sessionBudget: null,
    createdAt: new Date(Date.UTC(2026, 10, 21, 10, 0, n)).toISOString(),
    expiresAt: '2026-11-21T10:15:00.000Z',
    cosign: {
      approve: { fields: fields('approve', `approve-nonce-${n}-aaaa`), format: 'eip712' },
      reject: { fields: fields('reject', `reject-nonce-${n}-aaaaa`), format: 'eip712' },
    },
    ...overrides,
  });
}

export function sessionFixture(n: number, overrides: Partial<admin.Session> = {}): admin.Session {
  return admin.Session.parse({
    id: id(n),
    walletId: WALLET,
    walletName: 'agent',
    chain: 'evm',
    status: 'active',
    createdAt: '2026-11-21T09:00:00.000Z',
    expiresAt: '2026-11-22T09:00:00.000Z',
    absoluteExpiresAt: '2026-12-21T09:00:00.000Z',
    renewCount: 0,
    maxRenewals: 12,
    revokedAt: null,
    limits: { maxPerTx: null, maxTotal: '1000000' },
    spent: '0',
    ...overrides,
  });
}

export function delayedFixture(n: number): agent.Transaction {
  return agent.Transaction.parse({
    id: id(n),
    walletId: WALLET,
    network: 'local-evm',
    type: 'TRANSFER',
    status: 'QUEUED',
    tier: 'DELAY',
    request: { type: 'TRANSFER', to: '0x00000000000000000000000000000000000b0b0b', amount: '7000' },
    justification: null,
    policyReason: 'cooldown',
    executeAt: '2026-11-21T11:00:00.000Z',
    hash: null,
    error: null,
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
  });
}

export const KILL_SWITCH_ACTIVE = { state: 'ACTIVE', changedAt: '2026-11-21T09:00:00.000Z', actor: 'system', reason: null } as const;

export function eventFrame(seq: number, event: owner.OwnerEventBody): owner.OwnerEventFrame {
  return { type: 'event', seq, at: new Date(Date.UTC(2026, 10, 21, 10, 1, seq)).toISOString(), event };
}
