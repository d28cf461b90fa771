import { AppError } from '@rustok/kernel';

import { type CommerceActor, requirePermission } from '../../context.js';

/** The catalog's permissions (declared in module.ts). */
export const PERM = {
  read: 'commerce.products.read',
  write: 'commerce.products.write',
  publish: 'commerce.products.publish',
  delete: 'commerce.products.delete',
  prices: 'commerce.prices.manage',
  inventory: 'commerce.inventory.manage',
} as const;

/** Callers without commerce.products.read (the public, customers) see published products only. */
export const publishedOnly = (actor: CommerceActor): boolean => !actor.can(PERM.read);

/**
 * A product as the caller may see it: the public (no commerce.products.read) sees no stock counts
 * where the shop hides them (settings `exposeStock: false`), as in the storefront.
 */
export const stockShownTo = <P extends { variants: readonly { available: number | null }[] }>(
  actor: CommerceActor,
  exposeStock: boolean,
  product: P,
): P =>
  exposeStock || actor.can(PERM.read) ? product : { ...product, variants: product.variants.map((v) => ({ ...v, available: null })) };

/** On a public route: 401 for an anonymous caller, 403 for a signed-in one without the permission. */
export const requireOnPublicRoute = (actor: CommerceActor, permission: string): void => {
  if (actor.userId === null && !actor.can(permission)) {
    throw new AppError('AUTH_REQUIRED', `This needs a valid access token with the permission ${permission}`, { status: 401 });
  }
  requirePermission(actor, permission);
};
