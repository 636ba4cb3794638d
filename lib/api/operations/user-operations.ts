import { createUserSchema, setPasswordSchema, updateUserSchema } from '../../validations/user';
import { userListSchema, userSchema } from '../../validations/api/user-schemas';
import { uuidParam } from '../../validations/api/common-schemas';
import { adminsOnly, defineOperation } from '../api-operation';

const tag = 'Users';

/** Who may sign in to the UI, and with which role. */
export const userOperations = {
  list: defineOperation({
    operationId: 'listUsers',
    method: 'get',
    path: '/api/v1/users',
    tag,
    summary: 'Every user with role, state and last sign-in',
    description: adminsOnly,
    scopes: [],
    permission: 'users:manage',
    success: { status: 200, response: userListSchema },
    errors: [],
  }),
  create: defineOperation({
    operationId: 'createUser',
    method: 'post',
    path: '/api/v1/users',
    tag,
    summary: 'Add a user with a role and a first password (12+ characters, not a common one; audited)',
    description: adminsOnly,
    scopes: [],
    permission: 'users:manage',
    body: createUserSchema,
    success: { status: 201, response: userSchema },
    errors: [400, 409],
  }),
  update: defineOperation({
    operationId: 'updateUser',
    method: 'patch',
    path: '/api/v1/users/{id}',
    tag,
    summary: "Change a user's name, role or disabled state; a role change or disabling ends their sessions (audited)",
    description: `The last active admin cannot be demoted or disabled (409). ${adminsOnly}`,
    scopes: [],
    permission: 'users:manage',
    params: uuidParam,
    body: updateUserSchema,
    success: { status: 200, response: userSchema },
    errors: [400, 404, 409],
  }),
  setPassword: defineOperation({
    operationId: 'setUserPassword',
    method: 'put',
    path: '/api/v1/users/{id}/password',
    tag,
    summary: "Set a user's password; every session of that user ends (audited)",
    description:
      'Admins set anyone else\'s password as is. Any signed-in user may change their own, with `currentPassword`, which counts ' +
      'against the sign-in throttle like a login. No token scope opens it.',
    scopes: [],
    permission: 'users:manage',
    ownUser: true,
    params: uuidParam,
    body: setPasswordSchema,
    success: { status: 204 },
    errors: [400, 404],
  }),
};
