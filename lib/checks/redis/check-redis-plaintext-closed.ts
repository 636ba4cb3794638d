import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

const closedText: Record<string, string> = { refused: 'refused', closed: 'closed without a plaintext answer', other: 'answered, but not in plaintext Redis', 'no-answer': 'no plaintext answer', error: 'connection failed' };

export const redisPlaintextClosedCheck: CheckDefinition = {
  id: 'redis.plaintext.closed',
  title: 'Redis plaintext port is closed',
  area: 'tls',
  severity: 'high',
  why: 'A TLS port is no protection while port 6379 still answers in clear: clients configured with redis:// keep sending passwords and data unencrypted.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.redis, 'Redis'), (r) => {
      const evidence = { ports: r.plaintext.map((p) => ({ port: p.port, answer: p.answer, detail: p.detail })) };
      const open = r.plaintext.filter((p) => p.answer === 'speaks-protocol');
      if (open.length) {
        // A NOAUTH answer means clients authenticate on this port: their passwords cross the network in clear.
        const passwords = open.some((p) => /^-NOAUTH/.test(p.detail ?? ''));
        const summary = `plaintext Redis answers on ${open.map((p) => `port ${p.port} (PING → ${p.detail})`).join(', ')}`;
        return passwords ? { status: 'fail', summary: `${summary}; password logins there travel in clear`, evidence, cap: 'F' } : { status: 'fail', summary, evidence };
      }
      if (!r.plaintext.length) return { status: 'pass', summary: 'no plaintext port to probe: the target port serves TLS', evidence };
      return { status: 'pass', summary: r.plaintext.map((p) => `port ${p.port}: ${closedText[p.answer] ?? p.answer}`).join('; '), evidence };
    }),
  remediation: `Turn the plaintext listener off in redis.conf and keep only the TLS port:
  port 0
  tls-port 6379

Restart Redis and confirm nothing answers in clear:
  redis-cli -h <host> -p 6379 PING      # must fail
  redis-cli --tls --cacert ca.crt -h <host> -p 6379 PING

Point every client at rediss:// first. If the plaintext port is not 6379, tag the target plaintext-port:<n> in Posture so it is the one probed.`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
