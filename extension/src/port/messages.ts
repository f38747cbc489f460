// The typed contract of the port between the extension's pages (popup, options) and the background.
// It never leaves the extension, so it lives here rather than in protocol/ (which holds what
// crosses a process boundary). The background is the only WebSocket client; the pages learn
// everything through this port. Only types and small guards here: the popup bundle must stay
// small, so nothing in this file may pull zod in (the background checks requests with the schemas
// in ./page-request-schema.ts).
import type { admin, agent, owner, Policy } from '@waiaas/protocol';

/** The name the pages connect with; the background ignores ports with any other name. */
export const PAGE_PORT_NAME = 'waiaas.page';
/** Kept for the popup's existing imports: the popup and options pages share one port contract. */
export const POPUP_PORT_NAME = PAGE_PORT_NAME;

/**
 * The background's link to the signer.
 * - unpaired: no pairing stored;
 * - connecting: opening the socket / authenticating / resyncing;
 * - connected: authenticated and synced, live events flowing;
 * - disconnected: lost; `retryAt` says when the next attempt is (backoff);
 * - refused: the signer refused this device (pairing revoked, identity key changed): needs the Owner.
 */
export const CONNECTION_STATES = ['unpaired', 'connecting', 'connected', 'disconnected', 'refused'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export interface PairingInfo {
  /** e.g. http://127.0.0.1:3100 — loopback only. */
  signerUrl: string;
  deviceId: string;
  /** The signer's Ed25519 identity key (base64url), pinned at pairing. */
  identityKey: string;
  /** `ed25519:<base58>` of the identity key: the form co-sign messages name the signer by. */
  signerIdentity: string;
  deviceName: string;
  pairedAt: string;
}

export interface CompanionError {
  code: string;
  message: string;
}

/** One line of the popup's recent activity, newest first. */
export interface ActivityItem {
  seq: number;
  at: string;
  kind: owner.OwnerEventBody['kind'];
  /** In words, e.g. "Transaction 0f3a… CONFIRMED on wallet treasury". */
  text: string;
  transactionId?: string;
}

export interface NotificationPrefs {
  /** A desktop notification for every approval request (default on). */
  approvals: boolean;
  /** A desktop notification for NOTIFY-tier notices (default on). */
  notices: boolean;
}

/** Everything the pages show; the background pushes a fresh copy after every change. */
export interface CompanionState {
  connection: ConnectionState;
  /** Why the last connection attempt failed or was closed, when it did. */
  lastError: CompanionError | null;
  /** When `connection` is `disconnected`: the next attempt (ISO time). */
  retryAt: string | null;
  pairing: PairingInfo | null;
  /** PENDING approvals, oldest first (the badge counts them). */
  approvals: admin.Approval[];
  /** Active sessions. */
  sessions: admin.Session[];
  /** DELAY transactions still in their cooldown (the Owner may cancel them). */
  delayed: agent.Transaction[];
  killSwitch: admin.KillSwitchStatus | null;
  /** Newest first, at most 50. */
  activity: ActivityItem[];
  prefs: NotificationPrefs;
}

/**
 * What the pages ask. Every request carries an `id` the reply repeats. Requests that need the
 * Owner's wallet signature (approve, reject, registerOwner, changePolicy) make the background open
 * the co-sign window and only reply once the signer has answered the signed command (or the Owner
 * closed the window: COMPANION__COSIGN_CANCELLED).
 */
export type PageRequest =
  | { id: string; type: 'getState' }
  | { id: string; type: 'pair'; signerUrl: string; code: string; deviceName: string }
  | { id: string; type: 'unpair' }
  | { id: string; type: 'approve'; approvalId: string }
  | { id: string; type: 'reject'; approvalId: string; reason?: string }
  | { id: string; type: 'revokeSession'; sessionId: string }
  | { id: string; type: 'activateKillSwitch'; reason?: string }
  | { id: string; type: 'cancelTransaction'; transactionId: string }
  | { id: string; type: 'registerOwner'; chain: 'solana' | 'evm' }
  | { id: string; type: 'getOwner' }
  | { id: string; type: 'listPolicies'; wallet?: string }
  | { id: string; type: 'changePolicy'; change: owner.PolicyChange }
  | { id: string; type: 'setPrefs'; prefs: NotificationPrefs };

export type PageRequestType = PageRequest['type'];

/** What each request's successful reply carries. */
export interface PageResults {
  getState: { state: CompanionState };
  pair: { pairing: PairingInfo };
  unpair: Record<string, never>;
  approve: { status: 'APPROVED' };
  reject: { status: 'REJECTED' };
  revokeSession: { session: admin.Session };
  activateKillSwitch: admin.ActivateKillSwitchResponse;
  cancelTransaction: { transaction: agent.Transaction };
  registerOwner: { owner: admin.OwnerStatus };
  getOwner: { owner: admin.OwnerStatus };
  listPolicies: { policies: Policy[] };
  changePolicy: { policy: Policy };
  setPrefs: { prefs: NotificationPrefs };
}

export type PageReply<T extends PageRequestType = PageRequestType> =
  | { type: 'reply'; id: string; ok: true; result: PageResults[T] }
  | { type: 'reply'; id: string; ok: false; error: CompanionError };

/** Pushed unasked whenever the state changes. */
export type StatePush = { type: 'state'; state: CompanionState };

export type BackgroundMessage = PageReply | StatePush;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isConnectionState(value: unknown): value is ConnectionState {
  return (CONNECTION_STATES as readonly unknown[]).includes(value);
}

/** The pages trust their own background, but still drop anything that is not shaped like a message. */
export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  if (!isRecord(value)) return false;
  if (value.type === 'state') return isRecord(value.state) && isConnectionState(value.state.connection);
  return value.type === 'reply' && typeof value.id === 'string' && typeof value.ok === 'boolean';
}
