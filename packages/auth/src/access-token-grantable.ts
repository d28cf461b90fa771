import type { Principal } from '@rustok/kernel';
import { isReadOnlyPermission, notHeldBy, readOnlyPreset } from './access-token-permissions.js';
import type { AuthContext } from './context.js';
import { permissionCatalogue } from './permission-catalogue.js';

export interface GrantablePermissions {
  readonly permissions: readonly { readonly name: string; readonly readOnly: boolean }[];
  /** The read-only preset among them: every read-only permission the caller holds. */
  readonly readOnlyPreset: readonly string[];
}

/** What the caller can put in a token: the catalogue's permissions they hold, sorted, each marked read-only or not. */
export const grantablePermissions = (ctx: Pick<AuthContext, 'roles'>, actor: Principal | undefined): GrantablePermissions => {
  const all = permissionCatalogue(ctx).flatMap((m) => m.permissions);
  const missing = new Set(actor ? notHeldBy(actor, all) : all);
  const held = all.filter((p) => !missing.has(p)).sort();
  return {
    permissions: held.map((name) => ({ name, readOnly: isReadOnlyPermission(name) })),
    readOnlyPreset: readOnlyPreset([{ module: '', permissions: held }]),
  };
};
