import { redisDefaultUserDisabledCheck as check } from './check-redis-default-user-disabled';
import { redisObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'default off', obs: redisObservations(), status: 'pass', summary: /default user is off/, evidence: { readVia: 'ACL LIST' } },
  { name: 'default on nopass', obs: redisObservations({ defaultUser: { enabled: true, nopass: true, passwords: 0 } }), status: 'fail', summary: /nopass/ },
  { name: 'default on with requirepass', obs: redisObservations({ defaultUser: { enabled: true, nopass: false, passwords: 1 } }), status: 'warn', summary: /a password \(requirepass\)/ },
  { name: 'unknown but served unauthenticated', obs: redisObservations({ defaultUser: null, users: null, unauthenticatedReply: 'PONG' }), status: 'fail', summary: /unauthenticated client is served/ },
  { name: 'ACL not permitted', obs: redisObservations({ defaultUser: null, users: null }), status: 'skip', summary: /\+acl\|list/ },
  { name: 'no credential', obs: redisObservations({ defaultUser: null, users: null, login: 'no-credential' }), status: 'skip', summary: /no credential is configured/ },
  { name: 'never over plaintext', obs: redisObservations({ defaultUser: null, users: null, session: 'plaintext', login: 'not-over-plaintext' }), status: 'skip', summary: /does not send its password/ },
]);
