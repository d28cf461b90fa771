import { kernelErrors } from '@rustok/kernel';
import { type AuthContext, inTenant } from './context.js';
import { authErrors } from './errors.js';
import { isBuiltInRole } from './roles.js';

export interface RoleView {
  readonly name: string;
  readonly builtIn: boolean;
  readonly description: string | null;
  /** Effective permissions (built-in roles) or the stored list (tenant roles). */
  readonly permissions: readonly string[];
}

const PERMISSION_PATTERN = /^(\*|[a-z*][a-z0-9_*]*)\.(\*|[a-z*][a-z0-9_*]*)\.(\*|[a-z*][a-z0-9_*]*)$/;

export const listRoles = async (ctx: AuthContext): Promise<RoleView[]> => {
  const builtIn = ['super_admin', 'admin', 'manager', 'editor', 'customer'].map((name) => ({
    name,
    builtIn: true,
    description: null,
    permissions: [...(ctx.roles?.permissionsOf([name]) ?? [])].sort(),
  }));
  const custom = await inTenant(ctx, (tx) =>
    tx.query<{ name: string; description: string | null; permissions: string[] }>(
      'SELECT name, description, permissions FROM tenant_roles ORDER BY name',
    ),
  );
  return [
    ...builtIn,
    ...custom.rows.map((r) => ({ name: r.name, builtIn: false, description: r.description, permissions: r.permissions })),
  ];
};

/** Creates or replaces one of the tenant's own roles (built-in names are refused). */
export const putRole = async (
  ctx: AuthContext,
  name: string,
  input: { description?: string; permissions: readonly string[] },
): Promise<RoleView> => {
  if (isBuiltInRole(name)) throw authErrors.AUTH_ROLE_BUILT_IN(`${name} is a built-in role and cannot be changed`);
  const bad = input.permissions.flatMap((p, i) =>
    PERMISSION_PATTERN.test(p) ? [] : [{ path: `/permissions/${i}`, message: `"${p}" is not <module>.<entity>.<action>` }],
  );
  if (bad.length > 0)
    throw kernelErrors.VALIDATION_FAILED('Some permissions are malformed', { title: 'Unprocessable content', errors: bad });
  await inTenant(ctx, (tx) =>
    tx.query(
      `INSERT INTO tenant_roles (tenant_id, name, description, permissions) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, name) DO UPDATE SET description = EXCLUDED.description, permissions = EXCLUDED.permissions`,
      [ctx.tenantId, name, input.description ?? null, [...new Set(input.permissions)]],
    ),
  );
  return { name, builtIn: false, description: input.description ?? null, permissions: [...new Set(input.permissions)] };
};

export const deleteRole = async (ctx: AuthContext, name: string): Promise<void> => {
  if (isBuiltInRole(name)) throw authErrors.AUTH_ROLE_BUILT_IN(`${name} is a built-in role and cannot be deleted`);
  const { rows } = await inTenant(ctx, async (tx) => {
    await tx.query('DELETE FROM user_roles WHERE role = $1', [name]);
    return tx.query('DELETE FROM tenant_roles WHERE name = $1 RETURNING name', [name]);
  });
  if (rows.length === 0) throw authErrors.AUTH_ROLE_NOT_FOUND(`No role ${name}`);
};
