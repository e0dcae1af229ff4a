import { z } from 'zod';
import { roles } from '../platform/auth/roles';
import { emailSchema } from '../platform/http/common-schemas';

export const actorSchema = z
  .object({ id: z.uuid(), name: z.string(), email: z.string(), roles: z.array(z.enum(roles)) })
  .meta({ id: 'Actor' });

export const sessionResponse = z.object({ actor: actorSchema.nullable() });

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(256, 'Use at most 256 characters.');

export const resetRequestInput = z.object({ email: emailSchema });
export const resetConfirmInput = z.object({
  token: z.string().min(10, 'This reset link is not valid.').max(200),
  password: passwordSchema,
});
export const changePasswordInput = z.object({ currentPassword: z.string().min(1, 'Enter your current password.'), newPassword: passwordSchema });
