import { storage } from 'wxt/utils/storage';
import type { NotificationPrefs, PairingInfo } from '../port/messages.js';
import { DEFAULT_PREFS } from './companion-store.js';

/**
 * Every storage.local key the companion uses, each declared once here. Called from the
 * background's main(), never at module load.
 */
export function defineCompanionStorage() {
  return {
    pairing: storage.defineItem<PairingInfo | null>('local:pairing', { fallback: null }),
    /** The last state shown and the seq it resumes from (see companion-cache.ts). */
    cache: storage.defineItem<unknown>('local:companionCache', { fallback: null }),
    prefs: storage.defineItem<NotificationPrefs>('local:notificationPrefs', { fallback: DEFAULT_PREFS }),
    /** Approval ids already notified, so none is notified twice, across restarts too. */
    notified: storage.defineItem<string[]>('local:notifiedApprovals', { fallback: [] }),
  };
}
