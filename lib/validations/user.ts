import { z } from 'zod';
import { newPasswordSchema } from './password';

export const roles = ['admin', 'editor', 'viewer'] as const;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address')).pipe(z.string().max(254));

export const createUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().max(120).optional(),
    role: z.enum(roles),
    password: newPasswordSchema,
  })
  .strict();

export const updateUserSchema = z
  .object({
    name: z.string().trim().max(120).optional(),
    role: z.enum(roles).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

/** `currentPassword` is required (by the service) when you change your own password, never read otherwise. */
export const setPasswordSchema = z.object({ password: newPasswordSchema, currentPassword: z.string().min(1, 'must not be empty').max(1024).optional() }).strict();

export const loginSchema = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().min(1).max(1024) });

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type SetPasswordInput = z.input<typeof setPasswordSchema>;
