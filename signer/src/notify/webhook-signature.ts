import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-waiaas-signature';
export const TIMESTAMP_HEADER = 'x-waiaas-timestamp';

/**
 * `sha256=<hex>`: HMAC-SHA256 keyed by the webhook secret over `${timestamp}.${body}`, the body being
 * the exact bytes sent. The timestamp (unix seconds, also sent as x-waiaas-timestamp) is inside the
 * MAC so a receiver can refuse an old request replayed at it.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}
