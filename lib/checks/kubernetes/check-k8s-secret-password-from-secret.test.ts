import { k8sSecretPasswordFromSecretCheck as check } from './check-k8s-secret-password-from-secret';
import { noPods, withContainers } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'from a Secret', obs: healthyObservations(), status: 'pass', summary: /^from Secrets: POSTGRES_PASSWORD$/ },
  { name: 'no password in the spec', obs: withContainers({ passwordEnv: [] }), status: 'pass', summary: /no password is set/ },
  { name: 'literal env', obs: withContainers({ passwordEnv: [{ name: 'POSTGRES_PASSWORD', source: 'literal' }] }), status: 'fail', summary: /^postgres-0\/postgres: env POSTGRES_PASSWORD is a literal value$/ },
  { name: 'literal --requirepass', obs: withContainers({ passwordEnv: [], literalPasswordArgs: ['--requirepass'] }), status: 'fail', summary: /--requirepass is given a literal value/ },
  { name: 'from a ConfigMap', obs: withContainers({ passwordEnv: [{ name: 'REDIS_PASSWORD', source: 'configMap' }] }), status: 'warn' },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);
