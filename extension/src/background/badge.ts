import type { CompanionStore } from './companion-store.js';

/** The slice of `browser.action` the badge uses. */
export interface ActionBadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/** The text for `count` pending approvals: empty (no badge) when none. */
export function badgeText(count: number): string {
  if (count === 0) return '';
  return count > 99 ? '99+' : String(count);
}

/**
 * Keeps the toolbar badge at the number of PENDING approvals, so a request is visible without
 * opening anything. Only calls the browser when the number changes.
 */
export function showPendingApprovals(action: ActionBadgeApi, store: CompanionStore): () => void {
  let shown: string | undefined;
  const render = () => {
    const text = badgeText(store.get().approvals.filter((a) => a.status === 'PENDING').length);
    if (text === shown) return;
    shown = text;
    void action.setBadgeText({ text });
  };
  void action.setBadgeBackgroundColor({ color: '#b42318' });
  render();
  return store.subscribe(render);
}
