import { createHmac } from 'node:crypto';

/** X-Posture-Signature's value: sha256=<hex HMAC-SHA256(secret, raw body)>. The body carries sentAt, so the signature covers the time too. */
export function signWebhookBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}
