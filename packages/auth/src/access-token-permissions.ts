import { type Principal, permissionMatches } from '@rustok/kernel';
import type { ModulePermissions } from './permission-catalogue.js';

/**
 * A permission is read-only when its action (the last part of `<module>.<entity>.<action>`) only
 * reads: `read`, `read_own` or `view`. The read-only preset of an access token is every permission
 * of the catalogue with such an action; a token holding only those is a read-only token.
 */
const READ_ONLY_ACTIONS: ReadonlySet<string> = new Set(['read', 'read_own', 'view']);

export const isReadOnlyPermission = (permission: string): boolean =>
  READ_ONLY_ACTIONS.has(permission.slice(permission.lastIndexOf('.') + 1));

/** Whether every permission of a token is read-only (an empty list is not a read-only token: it grants nothing). */
export const isReadOnlyPermissionSet = (permissions: readonly string[]): boolean =>
  permissions.length > 0 && permissions.every(isReadOnlyPermission);

/** The read-only preset: the catalogue's read-only permissions, sorted. */
export const readOnlyPreset = (catalogue: readonly ModulePermissions[]): string[] =>
  catalogue
    .flatMap((m) => m.permissions)
    .filter(isReadOnlyPermission)
    .sort();

/**
 * What a token may do now: its own permissions that the user still holds (a user who loses a role
 * loses it in their tokens too). The user's permissions may be patterns (`*.*.*`); the token's are
 * concrete ones of the catalogue.
 */
export const tokenEffectivePermissions = (tokenPermissions: readonly string[], userPermissions: ReadonlySet<string>): Set<string> =>
  new Set(tokenPermissions.filter((p) => userPermissions.has(p) || [...userPermissions].some((g) => permissionMatches(g, p))));

/** The permissions among `wanted` that the actor does not hold (a token may only narrow its creator's). */
export const notHeldBy = (actor: Principal, wanted: readonly string[]): string[] =>
  wanted.filter((p) => tokenEffectivePermissions([p], actor.permissions).size === 0);
