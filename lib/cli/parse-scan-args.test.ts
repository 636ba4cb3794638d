import { describe, expect, it } from 'vitest';
import { parseScanArgs, UsageError } from './parse-scan-args';
import { scanSpecFromArgs } from './scan-spec-from-args';

const spec = (argv: string[]) => scanSpecFromArgs(parseScanArgs(argv));

describe('posture scan URL schemes', () => {
  it.each([
    ['postgresql://u:p@db.example.com/app', 'postgresql', 'db.example.com', 5432],
    ['rediss://:p@cache.example.com', 'redis', 'cache.example.com', 6379],
    ['redis://cache.example.com:6380', 'redis', 'cache.example.com', 6380],
    ['amqps://mq.example.com', 'rabbitmq', 'mq.example.com', 5671],
    ['amqp://mq.example.com', 'rabbitmq', 'mq.example.com', 5672],
  ])('%s → %s on %s:%i', (url, engine, host, port) => {
    expect(spec([url])).toMatchObject({ engine, port, host });
  });

  it.each([
    ['patroni', 8008],
    ['etcd', 2379],
    ['pgbackrest', 8432],
  ])('https:// with --engine %s defaults to port %i', (engine, port) => {
    expect(spec(['https://10.0.0.5', '--engine', engine])).toMatchObject({ engine, port, host: '10.0.0.5', database: null });
  });

  it('only PostgreSQL URLs carry a database; Redis takes user and password from the URL', () => {
    expect(spec(['rediss://app:s3cret@cache.example.com:6390/0'])).toMatchObject({ database: null, username: 'app', password: 's3cret', port: 6390 });
  });

  it('turns --store, --plaintext-port and --management-port into the inventory tags the probes read', () => {
    expect(spec(['rediss://c.example.com', '--store', '--plaintext-port', '6380']).tags).toEqual(['store', 'plaintext-port:6380']);
    expect(spec(['amqps://mq.example.com', '--management-port', '15671']).tags).toEqual(['management-port:15671']);
  });

  it.each([
    [['https://10.0.0.5'], 'needs --engine patroni, etcd or pgbackrest'],
    [['https://10.0.0.5', '--engine', 'redis'], 'needs --engine patroni, etcd or pgbackrest'],
    [['rediss://c.example.com', '--engine', 'etcd'], '--engine etcd does not match a rediss:// URL'],
    [['mysql://x@y/z'], 'must start with postgresql://'],
    [['https://10.0.0.5', '--engine', 'etcd', '--cert', 'c.pem'], '--cert and --key go together'],
    [['rediss://c.example.com', '--plaintext-port', 'six'], '--plaintext-port must be a port number'],
    [['amqps://mq.example.com', '--store'], '--store applies to Redis targets only'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseScanArgs(argv)).toThrow(UsageError);
    expect(() => parseScanArgs(argv)).toThrow(message);
  });
});
