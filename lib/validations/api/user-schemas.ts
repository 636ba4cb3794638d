import { z } from 'zod';
import { roles } from '../user';
import { isoDateTime } from './common-schemas';

/** A user as admins see it; the password hash never leaves the store. */
export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(roles),
    disabled: z.boolean().meta({ description: 'a disabled user cannot sign in, and their sessions have ended' }),
    lastLoginAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'User' });

export const userListSchema = z.object({ items: z.array(userSchema) }).meta({ id: 'UserList' });
