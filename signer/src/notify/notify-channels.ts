import type { Config } from '../config/schema.js';
import type { NotifyChannelName, PendingNotification } from './notification-store.js';
import { ntfyMessage } from './ntfy-message.js';
import { type PostResult, postNotification } from './post-notification.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook-signature.js';

export type SendNotification = (notification: PendingNotification, stop: AbortSignal) => Promise<PostResult>;
export type NotifyChannels = ReadonlyMap<NotifyChannelName, SendNotification>;

/** The configured channels, each a function that makes one delivery attempt. */
export function createNotifyChannels(config: Config['notify'], now: () => number): NotifyChannels {
  const timeoutMs = config.timeout * 1000;
  const channels = new Map<NotifyChannelName, SendNotification>();
  const { ntfy_url: ntfyUrl, ntfy_token: ntfyToken, webhook_url: webhookUrl, webhook_secret: webhookSecret } = config;
  if (ntfyUrl) {
    channels.set('ntfy', (notification, stop) => {
      const message = ntfyMessage(notification.event);
      const headers: Record<string, string> = {
        'content-type': 'text/plain; charset=utf-8',
        title: message.title,
        priority: message.priority,
        tags: message.tags,
      };
      if (ntfyToken) headers.authorization = `Bearer ${ntfyToken}`;
      return postNotification(ntfyUrl, { headers, body: message.body, timeoutMs, stop });
    });
  }
  if (webhookUrl && webhookSecret) {
    channels.set('webhook', (notification, stop) => {
      const body = JSON.stringify({ seq: notification.eventSeq, at: new Date(notification.eventAt).toISOString(), event: notification.event });
      // Signed per attempt: a retry carries a fresh timestamp, so receivers can keep a tight replay window.
      const timestamp = Math.floor(now() / 1000);
      const headers = {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: webhookSignature(webhookSecret, timestamp, body),
      };
      return postNotification(webhookUrl, { headers, body, timeoutMs, stop });
    });
  }
  return channels;
}
