import { computed, createModel, effect, signal } from '@preact/signals';
import type { admin } from '@waiaas/protocol';
import type { CompanionError, CompanionState } from '../port/messages';
import type { PagePort } from '../port/page-port';
import { createRequestTracker, requestKey } from './request-tracker';

/**
 * What a page shows about its link to the signer: `loading` until the background first answers,
 * `unreachable` once the port to the background is gone, else the background's own state.
 */
export type ConnectionView = 'loading' | 'unreachable' | CompanionState['connection'];

const CompanionModel = createModel((port: PagePort) => {
  const state = signal<CompanionState | null>(null);
  const backgroundGone = signal(false);
  /** Why the first state could not be had (the background did not answer in time). */
  const loadError = signal<CompanionError | null>(null);
  const tracker = createRequestTracker(port);

  const load = async (): Promise<void> => {
    loadError.value = null;
    const reply = await port.request({ type: 'getState' });
    // The port keeps order: a push that came before this reply is older than it, so the reply wins.
    if (reply.ok) state.value = reply.result.state;
    else if (state.value === null) loadError.value = reply.error;
  };

  // Owned by the model: disposing it removes the listeners and closes the port.
  effect(() => {
    const stopState = port.onState((next) => {
      state.value = next;
      loadError.value = null;
    });
    const stopDisconnect = port.onDisconnect(() => (backgroundGone.value = true));
    void load();
    return () => {
      stopState();
      stopDisconnect();
      port.disconnect();
    };
  });

  const connection = computed<ConnectionView>(() => {
    if (backgroundGone.value) return 'unreachable';
    return state.value?.connection ?? 'loading';
  });
  const lastKillSwitch = signal<admin.ActivateKillSwitchResponse | null>(null);

  return {
    state,
    connection,
    loadError,
    requests: tracker.statuses,
    /** What the last kill switch activation from this page did (sessions revoked, requests cancelled). */
    lastKillSwitch,
    reload: load,
    dismiss: tracker.dismiss,
    /** The background opens the co-sign window; the reply comes once the Owner's wallet has signed. */
    async approve(approvalId: string): Promise<boolean> {
      return (await tracker.run(requestKey('approve', approvalId), { type: 'approve', approvalId })) !== undefined;
    },
    async reject(approvalId: string, reason?: string): Promise<boolean> {
      const request = reason ? { type: 'reject' as const, approvalId, reason } : { type: 'reject' as const, approvalId };
      return (await tracker.run(requestKey('reject', approvalId), request)) !== undefined;
    },
    async revokeSession(sessionId: string): Promise<boolean> {
      return (await tracker.run(requestKey('revokeSession', sessionId), { type: 'revokeSession', sessionId })) !== undefined;
    },
    async activateKillSwitch(reason?: string): Promise<boolean> {
      const result = await tracker.run(requestKey('activateKillSwitch'), reason ? { type: 'activateKillSwitch', reason } : { type: 'activateKillSwitch' });
      if (result) lastKillSwitch.value = result;
      return result !== undefined;
    },
  };
});

export type CompanionModel = InstanceType<typeof CompanionModel>;

/** The background's state as pushed through the port, and the popup's actions, with the port injected. */
export function createCompanionModel(port: PagePort): CompanionModel {
  return new CompanionModel(port);
}
