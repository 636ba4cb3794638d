import { describe, expect, it } from 'vitest';
import { addedCipherWords, pgSslCiphersCheck as check } from './check-pg-ssl-ciphers';
import { healthyObservations, probeSkipped, withSettings } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'HIGH without aNULL, MD5, 3DES', obs: healthyObservations(), status: 'pass' },
  { name: 'PostgreSQL default', obs: withSettings({ ssl_ciphers: 'HIGH:MEDIUM:+3DES:!aNULL' }), status: 'warn', summary: /legacy MEDIUM suites/ },
  { name: 'security level 0', obs: withSettings({ ssl_ciphers: 'HIGH:MEDIUM:+3DES:!aNULL:@SECLEVEL=0' }), status: 'fail', summary: /@SECLEVEL=0/ },
  { name: 'RC4 and NULL enabled', obs: withSettings({ ssl_ciphers: 'HIGH:RC4:eNULL' }), status: 'fail', evidence: { weak: ['RC4', 'eNULL'] } },
  { name: 'ALL with the weak ones killed is still broad', obs: withSettings({ ssl_ciphers: 'ALL:!aNULL:!eNULL:!LOW:!EXP:!RC4' }), status: 'warn' },
  { name: 'ssl off', obs: withSettings({ ssl: 'off', ssl_ciphers: 'NULL' }), status: 'skip' },
  { name: 'hidden', obs: withSettings({ ssl_ciphers: undefined }, ['ssl_ciphers']), status: 'error', evidence: { needs: 'GRANT pg_read_all_settings TO posture_probe;' } },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);

describe('addedCipherWords', () => {
  it('keeps what is added and never removed; + only reorders', () => {
    expect(addedCipherWords('HIGH:MEDIUM:+3DES:!aNULL')).toEqual(['HIGH', 'MEDIUM']);
    expect(addedCipherWords('RC4:!RC4:HIGH')).toEqual(['HIGH']);
    expect(addedCipherWords('ECDHE+AESGCM')).toEqual(['ECDHE', 'AESGCM']);
  });
});

describe('a hostile ssl_ciphers value', () => {
  it('is judged in linear time: 96 KiB of -NULL- and a newline, 510 ms CPU with the old pattern', () => {
    const before = process.cpuUsage();
    const verdict = check.evaluate(withSettings({ ssl_ciphers: `x${'-NULL-'.repeat(16_000)}\nx` }));
    const used = process.cpuUsage(before);
    expect(verdict.status).toBe('fail');
    expect((used.user + used.system) / 1000).toBeLessThan(100);
  });
});
