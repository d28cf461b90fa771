import type {} from '@rustok/api';
import { type AuthConfig, hashPassword, insertNewUser, validateNewUser } from '@rustok/auth';
import type { Database } from '@rustok/db';
import type { EventBus } from '@rustok/events';
import { generateId } from '@rustok/kernel';
import {
  assertTenantSlugAllowed,
  getTenant,
  insertTenant,
  parseTenantIdentifier,
  patchTenant,
  type TenantPatch,
  type TenantRecord,
  tenancyErrors,
} from '@rustok/tenancy';
import type { FastifyInstance } from 'fastify';
import type {} from './fastify-types.js';

/** What the platform's tenant use-cases need: the database, the bus, the auth settings and the resolution cache. */
export interface PlatformContext {
  readonly db: Database;
  readonly events: Pick<EventBus, 'publishInTx'>;
  readonly auth: AuthConfig;
  invalidateTenant(tenant: { id: string; slug: string; hosts?: readonly string[] }): Promise<void>;
}

export const platformContextOf = (app: FastifyInstance): PlatformContext => ({
  db: app.rustok.db,
  events: app.events,
  auth: app.rustok.config.auth,
  invalidateTenant: (tenant) => app.invalidateTenant(tenant),
});

export interface NewTenant {
  readonly name: string;
  readonly slug: string;
  readonly owner: { readonly email: string; readonly password: string; readonly name?: string };
  readonly settings?: Record<string, unknown>;
}

/** A tenant and its owner (role admin), with `tenancy.tenant.created`, in one transaction. */
export const createTenantWithOwner = async (ctx: PlatformContext, input: NewTenant) => {
  const slug = input.slug.trim().toLowerCase();
  assertTenantSlugAllowed(slug);
  const owner = validateNewUser(input.owner);
  const passwordHash = await hashPassword(owner.password, ctx.auth);
  const id = generateId();
  const created = await ctx.db.transaction(
    async (tx) => {
      const tenant = await insertTenant(tx, { id, name: input.name, slug, settings: input.settings });
      await ctx.events.publishInTx(tx, {
        type: 'tenancy.tenant.created',
        tenantId: id,
        payload: { tenantId: id, slug, name: tenant.name },
      });
      const user = await insertNewUser({ bus: ctx.events, tenantId: id }, tx, {
        email: owner.email,
        passwordHash,
        name: owner.name,
        roles: ['admin'],
        verified: true,
      });
      return { tenant, owner: user };
    },
    { tenantId: id },
  );
  await ctx.invalidateTenant({ id, slug });
  return created;
};

/** One tenant; 404 TENANT_NOT_FOUND. */
export const findTenant = async (ctx: PlatformContext, id: string): Promise<TenantRecord> => {
  const tenant = await getTenant(ctx.db, id);
  if (!tenant) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant ${id}`);
  return tenant;
};

/** Changes a tenant (e.g. `{ isActive: false }`) with `tenancy.tenant.updated`; every instance forgets it. */
export const updateTenant = async (ctx: PlatformContext, id: string, patch: TenantPatch): Promise<TenantRecord> => {
  const domains = patch.domains?.map((d) => {
    const parsed = parseTenantIdentifier(d, 'host');
    return parsed.kind === 'host' ? parsed.host : d;
  });
  const { before, after } = await ctx.db.transaction(async (tx) => {
    const result = await patchTenant(tx, id, { ...patch, domains });
    await ctx.events.publishInTx(tx, {
      type: 'tenancy.tenant.updated',
      tenantId: result.after.id,
      payload: { tenantId: result.after.id, slug: result.after.slug, changes: result.changes, isActive: result.after.isActive },
    });
    return result;
  });
  await ctx.invalidateTenant({ id: after.id, slug: after.slug, hosts: [...before.domains, ...after.domains] });
  return after;
};
