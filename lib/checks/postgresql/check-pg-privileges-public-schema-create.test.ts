import { pgPrivilegesPublicSchemaCreateCheck as check } from './check-pg-privileges-public-schema-create';
import { healthyObservations, probeSkipped, withHardening } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'PostgreSQL 15+ default', obs: healthyObservations(), status: 'pass', evidence: { publicCreate: false } },
  { name: 'CREATE granted to PUBLIC', obs: withHardening({ publicSchema: { owner: 'postgres', publicCreate: true, publicUsage: true } }), status: 'fail', summary: /^PUBLIC has CREATE on schema public in app \(owner postgres\)$/ },
  { name: 'no public schema', obs: withHardening({ publicSchema: null }), status: 'pass', summary: /no public schema/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
