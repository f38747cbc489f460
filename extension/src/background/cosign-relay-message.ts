/** What the co-sign page's content script sends the background: the page's message, as it came. */
export interface CosignRelayMessage {
  type: 'cosign-relay';
  message: unknown;
}

export const COSIGN_RELAY = 'cosign-relay';

/** Only the envelope is checked here; the background parses `message` and checks its sender. */
export function isCosignRelayMessage(value: unknown): value is CosignRelayMessage {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === COSIGN_RELAY && 'message' in value;
}
