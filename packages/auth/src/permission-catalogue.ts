import type { AuthContext } from './context.js';
import { isTenantGrantable } from './roles.js';

/** The permissions of one module that a tenant role can grant. */
export interface ModulePermissions {
  readonly module: string;
  readonly permissions: readonly string[];
}

/**
 * The permission catalogue a tenant's own roles pick from: every permission the deployment's modules
 * declare, grouped by module (`<module>.<entity>.<action>`), without the platform's own (a tenant role
 * never grants those). The same for every tenant: it is the deployment's, not tenant data.
 */
export const permissionCatalogue = (ctx: Pick<AuthContext, 'roles'>): ModulePermissions[] => {
  const byModule = new Map<string, string[]>();
  for (const permission of [...new Set(ctx.roles?.declared ?? [])].filter(isTenantGrantable).sort()) {
    const module = permission.slice(0, permission.indexOf('.'));
    byModule.set(module, [...(byModule.get(module) ?? []), permission]);
  }
  return [...byModule].map(([module, permissions]) => ({ module, permissions }));
};
