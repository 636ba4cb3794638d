/** What the Redis probe saw over TLS and in plaintext. */
import type { CredentialWithheld } from './probe-outcome';
import type { TlsEndpointObservation, PlaintextPortObservation } from './transport';

export interface RedisUser {
  name: string;
  enabled: boolean;
  nopass: boolean;
  /** how many password hashes the user has; the hashes themselves are never kept */
  passwords: number;
  /** the key, channel and command rules of ACL LIST, without passwords or hashes */
  rules: string;
}

export interface RedisObservation {
  tls: TlsEndpointObservation;
  /** the target port when it refused TLS, and the plaintext port the inventory names (or 6379) */
  plaintext: PlaintextPortObservation[];
  /** the target carries the tag `store`: Redis holds data of record, not a cache */
  markedAsStore: boolean;
  /** how the probe talked to Redis after the handshake: over TLS, unauthenticated plaintext, or not at all */
  session: 'tls' | 'plaintext' | 'none';
  /** the reply to PING before any AUTH: +PONG, -NOAUTH …, -DENIED … (protected mode) */
  unauthenticatedReply: string | null;
  login: 'not-needed' | 'ok' | 'rejected' | 'no-credential' | 'not-over-plaintext' | 'withheld' | 'not-attempted';
  loginMessage: string | null;
  /** set when the server asked for a password and Posture kept it back (unverified certificate, custody policy) */
  withheld?: CredentialWithheld | null;
  whoami: string | null;
  /** ACL LIST, sanitised; null when the probe user may not run it */
  users: RedisUser[] | null;
  /** from ACL LIST or ACL GETUSER default */
  defaultUser: { enabled: boolean; nopass: boolean; passwords: number } | null;
  /** COMMAND INFO: false when renamed away (rename-command … "") */
  commands: { name: string; present: boolean | null }[];
  /** ACL DRYRUN per enabled user and dangerous command: nothing is executed */
  grants: { user: string; command: string; allowed: boolean | null; reply: string }[];
  config: { protectedMode: string | null; appendonly: string | null; enableDebugCommand: string | null };
  aofEnabled: boolean | null;
  limitations: string[];
}
