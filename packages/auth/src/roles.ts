import { type BuiltInRole, permissionMatches } from '@rustok/kernel';

/**
 * What each built-in role grants, as patterns over the permissions the modules declare
 * (`<module>.<entity>.<action>`, `*` for any part). A pattern that matches no declared permission
 * grants nothing. Platform administration (every tenant's data) is super_admin's only.
 */
const PLATFORM_PERMISSION_PATTERNS = ['platform.*.*', 'events.*.*'] as const;

const ROLE_PATTERNS: Readonly<Record<BuiltInRole, readonly string[]>> = {
  super_admin: ['*'],
  admin: ['*.*.*'],
  manager: ['*.*.*'],
  editor: [
    'content.*.*',
    'blog.*.*',
    'forum.*.*',
    'pages.*.*',
    'flex.entries.*',
    'tenancy.modules.read',
    '*.*.read',
    'auth.access_tokens.create',
  ],
  customer: [
    '*.*.read_own',
    '*.*.update_own',
    'blog.comments.create',
    'forum.topics.create',
    'forum.replies.create',
    'commerce.carts.*',
    'commerce.checkout.*',
  ],
};

/** Patterns a role may never get from the list above (the manager does not administer people or modules). */
const ROLE_EXCLUSIONS: Readonly<Record<BuiltInRole, readonly string[]>> = {
  super_admin: [],
  admin: [...PLATFORM_PERMISSION_PATTERNS],
  manager: [
    ...PLATFORM_PERMISSION_PATTERNS,
    'tenancy.modules.manage',
    'auth.users.manage',
    'auth.roles.manage',
    'auth.access_tokens.manage',
  ],
  editor: [...PLATFORM_PERMISSION_PATTERNS],
  customer: [...PLATFORM_PERMISSION_PATTERNS],
};

/** Whether a tenant's own role may grant this permission (platform administration is never one). */
export const isTenantGrantable = (permission: string): boolean =>
  !PLATFORM_PERMISSION_PATTERNS.some((x) => permissionMatches(x, permission));

export const isBuiltInRole = (role: string): role is BuiltInRole => Object.hasOwn(ROLE_PATTERNS, role);

/** The built-in roles that grant a permission the deployment declares (by the patterns and exclusions above). */
export const builtInRolesGranting = (permission: string): BuiltInRole[] =>
  (Object.keys(ROLE_PATTERNS) as BuiltInRole[]).filter(
    (role) =>
      role === 'super_admin' ||
      (ROLE_PATTERNS[role].some((g) => permissionMatches(g, permission)) &&
        !ROLE_EXCLUSIONS[role].some((x) => permissionMatches(x, permission))),
  );

const expand = (patterns: readonly string[], exclusions: readonly string[], declared: readonly string[]): string[] =>
  declared.filter((p) => patterns.some((g) => permissionMatches(g, p)) && !exclusions.some((x) => permissionMatches(x, p)));

export interface RoleCatalog {
  /** Every permission the deployment's modules declare. */
  readonly declared: readonly string[];
  /** Effective permissions of a set of roles; `customRoles` are the tenant's own roles with their permission lists. */
  permissionsOf(roles: readonly string[], customRoles?: ReadonlyMap<string, readonly string[]>): Set<string>;
}

export const createRoleCatalog = (declared: readonly string[]): RoleCatalog => {
  const builtIn = new Map<string, Set<string>>();
  for (const role of Object.keys(ROLE_PATTERNS) as BuiltInRole[]) {
    builtIn.set(role, role === 'super_admin' ? new Set(['*']) : new Set(expand(ROLE_PATTERNS[role], ROLE_EXCLUSIONS[role], declared)));
  }
  return {
    declared,
    permissionsOf(roles, customRoles) {
      const out = new Set<string>();
      for (const role of roles) {
        const granted = builtIn.get(role) ?? new Set(expand(customRoles?.get(role) ?? [], PLATFORM_PERMISSION_PATTERNS, declared));
        for (const p of granted) out.add(p);
      }
      return out;
    },
  };
};
