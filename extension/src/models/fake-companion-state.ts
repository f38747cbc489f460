// Test data shaped exactly like what the background pushes, so model and component tests read as
// "given this state" without repeating every field. Only tests import this file.
import type { admin } from '@waiaas/protocol';
import type { CompanionState } from '../port/messages';

export const WALLET_ID = '01980000-0000-7000-8000-00000000a001';
export const SESSION_ID = '01980000-0000-7000-8000-00000000b001';
export const RECIPIENT = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';

export function createApproval(overrides: Partial<admin.Approval> = {}): admin.Approval {
  return {
    id: '01980000-0000-7000-8000-00000000c001',
    transactionId: '01980000-0000-7000-8000-00000000d001',
    walletId: WALLET_ID,
    walletName: 'treasury',
    chain: 'solana',
    sessionId: SESSION_ID,
    network: 'solana-devnet',
    type: 'TRANSFER',
    status: 'PENDING',
    summary: `Send 1.5 SOL to ${RECIPIENT}`,
    amount: '1.5 SOL',
    recipient: RECIPIENT,
    recipientLabel: null,
    recipientKnown: false,
    policyReason: 'above the DELAY limit of 1 SOL',
    justification: 'Paying the invoice #42 from ACME',
    contentDigest: 'f'.repeat(64),
    usdValue: '225.50',
    simulation: { ok: true, fee: '5000', balanceChanges: [{ asset: 'native', delta: '-1500005000' }], error: null },
    sessionBudget: { maxTotal: '5000000000', used: '1500000000', remaining: '3500000000' },
    createdAt: '2026-11-21T10:00:00.000Z',
    expiresAt: '2026-11-21T10:15:00.000Z',
    cosign: null,
    ...overrides,
  };
}

export function createSession(overrides: Partial<admin.Session> = {}): admin.Session {
  return {
    id: SESSION_ID,
    walletId: WALLET_ID,
    walletName: 'treasury',
    chain: 'solana',
    status: 'active',
    createdAt: '2026-11-21T09:00:00.000Z',
    expiresAt: '2026-11-22T09:00:00.000Z',
    absoluteExpiresAt: '2026-11-28T09:00:00.000Z',
    renewCount: 0,
    maxRenewals: 10,
    revokedAt: null,
    limits: { maxPerTx: null, maxTotal: '5000000000' },
    spent: '1500000000',
    ...overrides,
  };
}

export function createCompanionState(overrides: Partial<CompanionState> = {}): CompanionState {
  return {
    connection: 'connected',
    lastError: null,
    retryAt: null,
    pairing: {
      signerUrl: 'http://127.0.0.1:3100',
      deviceId: '01980000-0000-7000-8000-00000000e001',
      identityKey: 'A'.repeat(43),
      signerIdentity: 'ed25519:8qbHbw2BbbTHBW1sbeqakYXVKRQM8Ne7pLK7m6CVfeR',
      deviceName: 'Laptop Firefox',
      pairedAt: '2026-11-20T08:00:00.000Z',
    },
    approvals: [],
    sessions: [],
    delayed: [],
    killSwitch: { state: 'ACTIVE', changedAt: '2026-11-20T08:00:00.000Z', actor: 'master', reason: null },
    activity: [],
    prefs: { approvals: true, notices: true },
    ...overrides,
  };
}
