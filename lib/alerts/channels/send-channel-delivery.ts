import { openSecret } from '../../crypto/envelope';
import type { Keyring } from '../../crypto/keyring';
import type { NetworkPolicy } from '../../network/network-policy';
import { PAGERDUTY_EVENTS_URL, type ChannelType } from '../../validations/api/notification-channel-schemas';
import { storedChannelEventSchema, type WebhookEvent } from '../../validations/api/channel-event-schema';
import { channelSecretBinding } from './channel-secret-binding';
import { ChannelRequestError, postChannelRequest } from './post-channel-request';
import { renderPagerDutyEvent } from './render-pagerduty-event';
import { renderSlackMessage } from './render-slack-message';
import { renderTeamsCard } from './render-teams-card';
import { signWebhookBody } from './sign-webhook-body';

export interface DeliverableChannel {
  id: string;
  type: string;
  url: string | null;
  secretCiphertext: string;
}

export type SendOutcome =
  | { ok: true; status: number }
  /** permanent: retrying as configured can never succeed; connection: the receiver is unreachable, so its other rows would fail too */
  | { ok: false; error: string; status: number | null; permanent: boolean; connection: boolean };

/** Statuses that may succeed later: timeouts, conflicts in flight, rate limits and every server error. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/** Every occurrence of a secret in a text is cut out, so no receiver's echo or error carries one into a row or log. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[secret]');
  return out.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 300);
}

/** Renders one stored event for the channel's type, sends it once and says what happened; never throws. */
export async function sendChannelDelivery(channel: DeliverableChannel, payload: unknown, deps: { keyring: Keyring; policy: NetworkPolicy; now?: Date; timeoutMs?: number }): Promise<SendOutcome> {
  const type = channel.type as ChannelType;
  let secret: string;
  try {
    secret = openSecret(deps.keyring, channel.secretCiphertext, channelSecretBinding(channel.id, type));
  } catch (e) {
    return { ok: false, error: `the channel's secret cannot be opened: ${e instanceof Error ? e.message : 'error'}; enter it again`, status: null, permanent: true, connection: false };
  }
  const stored = storedChannelEventSchema.safeParse(payload);
  if (!stored.success) return { ok: false, error: 'the stored event does not match schema v1', status: null, permanent: true, connection: false };
  const now = deps.now ?? new Date();
  const sentAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const event: WebhookEvent = { ...stored.data, sentAt: sentAt.toISOString() };
  let url: string;
  let body: string;
  const headers: Record<string, string> = { 'x-posture-delivery': event.id, 'x-posture-event': event.event };
  if (type === 'slack' || type === 'teams') {
    url = secret;
    body = JSON.stringify(type === 'slack' ? renderSlackMessage(event) : renderTeamsCard(event));
  } else if (type === 'pagerduty') {
    url = channel.url ?? PAGERDUTY_EVENTS_URL;
    body = JSON.stringify(renderPagerDutyEvent(event, secret));
  } else {
    url = channel.url ?? '';
    body = JSON.stringify(event);
    headers['x-posture-timestamp'] = String(sentAt.getTime() / 1000);
    headers['x-posture-signature'] = signWebhookBody(secret, body);
  }
  const secrets = [secret, ...(type === 'slack' || type === 'teams' ? [new URL(secret).pathname, new URL(secret).search] : [])];
  try {
    const res = await postChannelRequest({ url, body, headers, policy: deps.policy, timeoutMs: deps.timeoutMs });
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    const said = withoutSecrets(res.body.trim(), secrets);
    if (res.status >= 300 && res.status < 400) return { ok: false, error: `HTTP ${res.status}: redirects are not followed; enter the final URL`, status: res.status, permanent: true, connection: false };
    const permanent = res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status);
    const why = permanent ? ' (will not succeed as configured; retrying stopped)' : '';
    return { ok: false, error: `HTTP ${res.status}${said ? `: ${said}` : ''}${why}`, status: res.status, permanent, connection: false };
  } catch (e) {
    const message = e instanceof ChannelRequestError ? e.message : 'the request failed';
    return { ok: false, error: withoutSecrets(message, secrets), status: null, permanent: e instanceof ChannelRequestError && e.policy, connection: true };
  }
}
