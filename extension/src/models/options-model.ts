import { computed, createModel, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import type { admin, owner, Policy } from '@waiaas/protocol';
import type { CompanionState, NotificationPrefs } from '../port/messages';
import type { PagePort } from '../port/page-port';
import { createRequestTracker, requestKey } from './request-tracker';

export interface PairInput {
  signerUrl: string;
  code: string;
  deviceName: string;
}

/**
 * The options page's data and actions: pairing, the Owner, policies and notification preferences.
 * The companion state comes from the page's CompanionModel, which owns the port's lifetime.
 */
const OptionsModel = createModel((port: PagePort, state: ReadonlySignal<CompanionState | null>) => {
  const tracker = createRequestTracker(port);
  const ownerStatus = signal<admin.OwnerStatus | null>(null);
  const policies = signal<Policy[] | null>(null);

  const loadOwner = async (): Promise<void> => {
    const result = await tracker.run(requestKey('getOwner'), { type: 'getOwner' });
    if (result) ownerStatus.value = result.owner;
  };
  const loadPolicies = async (): Promise<void> => {
    const result = await tracker.run(requestKey('listPolicies'), { type: 'listPolicies' });
    if (result) policies.value = result.policies;
  };

  // Every time the link to the signer comes up (first connect, reconnect after a restart) the
  // Owner and the policies are read again: they may have changed on the signer meanwhile.
  const connected = computed(() => state.value?.connection === 'connected');
  effect(() => {
    if (!connected.value) return;
    untracked(() => {
      void loadOwner();
      void loadPolicies();
    });
  });

  return {
    owner: ownerStatus,
    policies,
    requests: tracker.statuses,
    dismiss: tracker.dismiss,
    loadOwner,
    loadPolicies,
    async pair(input: PairInput): Promise<boolean> {
      return (await tracker.run(requestKey('pair'), { type: 'pair', ...input })) !== undefined;
    },
    async unpair(): Promise<boolean> {
      const done = (await tracker.run(requestKey('unpair'), { type: 'unpair' })) !== undefined;
      if (done) {
        ownerStatus.value = null;
        policies.value = null;
      }
      return done;
    },
    /** Opens the co-sign window, where the Owner connects the wallet and signs the ownership proof. */
    async registerOwner(chain: 'solana' | 'evm'): Promise<boolean> {
      const result = await tracker.run(requestKey('registerOwner'), { type: 'registerOwner', chain });
      if (result) ownerStatus.value = result.owner;
      return result !== undefined;
    },
    /**
     * Every change from the device is signed by the Owner in the co-sign window. The list is read
     * again afterwards: a set replaces the rule of the same kind and scope, so the reply alone
     * does not say which entry it took the place of.
     */
    async changePolicy(change: owner.PolicyChange, key = requestKey('changePolicy')): Promise<boolean> {
      const done = (await tracker.run(key, { type: 'changePolicy', change })) !== undefined;
      if (done) await loadPolicies();
      return done;
    },
    async setPrefs(prefs: NotificationPrefs): Promise<boolean> {
      return (await tracker.run(requestKey('setPrefs'), { type: 'setPrefs', prefs })) !== undefined;
    },
  };
});

export type OptionsModel = InstanceType<typeof OptionsModel>;

export function createOptionsModel(port: PagePort, state: ReadonlySignal<CompanionState | null>): OptionsModel {
  return new OptionsModel(port, state);
}
