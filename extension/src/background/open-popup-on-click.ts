import { APPROVAL_NOTIFICATION_PREFIX, NOTICE_NOTIFICATION_PREFIX } from './approval-notifier.js';

export interface NotificationClicksApi {
  onClicked: { addListener(listener: (notificationId: string) => void): void };
  clear(notificationId: string): Promise<boolean>;
}
export interface PopupWindowApi {
  create(data: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown>;
}

/** Clicking one of our notifications opens the popup page in its own window (an action popup cannot be opened from here). */
export function openPopupOnClick(notifications: NotificationClicksApi, windows: PopupWindowApi, popupUrl: string): void {
  notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(APPROVAL_NOTIFICATION_PREFIX) && !notificationId.startsWith(NOTICE_NOTIFICATION_PREFIX)) return;
    void notifications.clear(notificationId);
    void windows.create({ url: popupUrl, type: 'popup', width: 400, height: 640 });
  });
}
