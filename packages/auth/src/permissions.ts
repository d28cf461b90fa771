import type { Tx } from '@rustok/db';
import type { AuthContext } from './context.js';
import { isBuiltInRole } from './roles.js';

/** The permission lists of the tenant's own (not built-in) roles among `roles`. */
export const customRolePermissions = async (tx: Tx, roles: readonly string[]): Promise<Map<string, readonly string[]>> => {
  const custom = roles.filter((role) => !isBuiltInRole(role));
  if (custom.length === 0) return new Map();
  const { rows } = await tx.query<{ name: string; permissions: string[] }>(
    'SELECT name, permissions FROM tenant_roles WHERE name = ANY($1::text[])',
    [custom],
  );
  return new Map(rows.map((row) => [row.name, row.permissions]));
};

/** Effective permissions of a set of roles: the role catalog when there is one, else the tenant's own roles' lists. */
export const effectivePermissions = (
  ctx: Pick<AuthContext, 'roles'>,
  roles: readonly string[],
  custom: ReadonlyMap<string, readonly string[]>,
): Set<string> => {
  if (ctx.roles) return ctx.roles.permissionsOf(roles, custom);
  return new Set(roles.flatMap((role) => [...(custom.get(role) ?? [])]));
};
