import { permissionMatches, type SqlRunner } from '@rustok/kernel';
import { builtInRolesGranting, isTenantGrantable } from './roles.js';

/**
 * The active users of the transaction's tenant who hold `permission` (one the deployment declares)
 * through their roles: the built-in roles by their patterns, the tenant's own roles by their lists.
 * Runs in a tenant transaction (row-level security keeps it in the tenant); ids in id order. For
 * modules that tell a tenant's staff something (in-app notices), not for access checks, which go
 * by the caller's token.
 */
export const usersWithPermission = async (tx: SqlRunner, permission: string): Promise<string[]> => {
  const custom = isTenantGrantable(permission)
    ? (await tx.query<{ name: string; permissions: string[] }>('SELECT name, permissions FROM tenant_roles')).rows
    : [];
  const roles = [
    ...builtInRolesGranting(permission),
    ...custom.filter((r) => r.permissions.some((granted) => permissionMatches(granted, permission))).map((r) => r.name),
  ];
  const { rows } = await tx.query<{ id: string }>(
    `SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
      WHERE u.status = 'active' AND r.role = ANY($1::text[]) ORDER BY u.id`,
    [roles],
  );
  return rows.map((r) => r.id);
};
