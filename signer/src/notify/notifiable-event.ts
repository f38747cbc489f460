import type { owner } from '@waiaas/protocol';

export type NotifiableEvent = Extract<owner.OwnerEventBody, { kind: 'approval.requested' | 'approval.resolved' | 'kill_switch.changed' }>;

/**
 * What reaches the fallback channels: a request waiting for the Owner, its outcome (so an Owner who
 * was told about it also learns how it ended, e.g. expired) and kill-switch changes. Transaction and
 * session traffic stays on the paired channel.
 */
export function isNotifiable(event: owner.OwnerEventBody): event is NotifiableEvent {
  return event.kind === 'approval.requested' || event.kind === 'approval.resolved' || event.kind === 'kill_switch.changed';
}

/**
 * The event as it leaves the machine: without the co-sign messages. The Owner answers from the
 * extension (or the CLI); a message worth signing travelling through ntfy or a third-party webhook
 * would only invite signing something that did not come from the extension.
 */
export function forOutside(event: NotifiableEvent): NotifiableEvent {
  return event.kind === 'approval.requested' ? { ...event, approval: { ...event.approval, cosign: null } } : event;
}
