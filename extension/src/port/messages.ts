// The typed contract of the port between the popup and the background service worker.
// It never leaves the extension, so it lives here rather than in protocol/ (which holds what
// crosses a process boundary). The background is the only WebSocket client; the popup learns
// everything through this port.

/** The name the popup connects with; the background ignores ports with any other name. */
export const POPUP_PORT_NAME = 'waiaas.popup';

/** What the background knows about its link to the signer. Pairing adds more states later. */
export const CONNECTION_STATES = ['unpaired'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export type CompanionState = { connection: ConnectionState };

export type GetStateRequest = { type: 'getState' };
/** Also the shape the background will push unasked once the connection can change. */
export type GetStateResponse = { type: 'state'; state: CompanionState };

export type PopupRequest = GetStateRequest;
export type PopupResponse = GetStateResponse;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isConnectionState(value: unknown): value is ConnectionState {
  return (CONNECTION_STATES as readonly unknown[]).includes(value);
}

export function isPopupRequest(value: unknown): value is PopupRequest {
  return isRecord(value) && value.type === 'getState';
}

export function isPopupResponse(value: unknown): value is PopupResponse {
  return (
    isRecord(value) &&
    value.type === 'state' &&
    isRecord(value.state) &&
    isConnectionState(value.state.connection)
  );
}
