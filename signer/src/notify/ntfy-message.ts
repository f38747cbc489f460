import type { NotifiableEvent } from './notifiable-event.js';

export interface NtfyMessage {
  /** ASCII only: it travels in a header. */
  title: string;
  priority: 'high' | 'default';
  tags: string;
  body: string;
}

/**
 * The human text for a phone notification. It says what happened and where to act, nothing to act
 * with: no co-sign message, nonce or signature. The agent's free-text justification is left out too —
 * it is the agent's word, and a push notification outside the extension is no place to show it.
 */
export function ntfyMessage(event: NotifiableEvent): NtfyMessage {
  switch (event.kind) {
    case 'approval.requested': {
      const { approval } = event;
      return {
        title: 'WAIaaS: approval needed',
        priority: 'high',
        tags: 'warning',
        body: [
          approval.summary,
          `Wallet: ${approval.walletName} on ${approval.network}`,
          `Why: ${approval.policyReason ?? 'the policy asks the Owner'}`,
          `Expires: ${approval.expiresAt}`,
          'Open the WAIaaS extension to approve or reject.',
        ].join('\n'),
      };
    }
    case 'approval.resolved':
      return {
        title: `WAIaaS: approval ${event.status.toLowerCase()}`,
        priority: 'default',
        tags: event.status === 'APPROVED' ? 'white_check_mark' : 'x',
        body: `The request for transaction ${event.transactionId} is ${event.status}.`,
      };
    case 'kill_switch.changed': {
      const engaged = event.state !== 'ACTIVE';
      return {
        title: engaged ? 'WAIaaS: kill switch engaged' : 'WAIaaS: kill switch released',
        priority: engaged ? 'high' : 'default',
        tags: engaged ? 'rotating_light' : 'white_check_mark',
        body: [
          `State: ${event.state} (by ${event.actor})`,
          ...(event.reason ? [`Reason: ${event.reason}`] : []),
          engaged ? 'Agents are refused until the kill switch is recovered.' : 'Agents need new sessions.',
        ].join('\n'),
      };
    }
  }
}
