import { Type } from '@sinclair/typebox';

/** A user as every auth route answers it (never the password hash). */
export const UserSchema = Type.Object({
  id: Type.String(),
  tenantId: Type.String(),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  emailVerified: Type.Boolean(),
  roles: Type.Array(Type.String()),
  createdAt: Type.String(),
});

export const problemRef = { $ref: 'Problem#' } as const;
