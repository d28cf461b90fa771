import { type AuthUser, authGraphQLTypes } from '@rustok/auth';
import {
  connectionType,
  fastifyOf,
  type GraphQLBuilder,
  type GraphQLContext,
  pageOf,
  parseId,
  parseInput,
  withoutNulls,
} from '@rustok/kernel';
import { listTenants, type TenantRecord } from '@rustok/tenancy';
import { CreateBody, PatchBody } from './tenant-routes.js';
import { createTenantWithOwner, findTenant, type PlatformContext, platformContextOf, updateTenant } from './tenants.js';

const manage = { permission: 'platform.tenants.manage' } as const;
const platformOf = (ctx: GraphQLContext): PlatformContext => platformContextOf(fastifyOf(ctx));

const addTypes = (builder: GraphQLBuilder) => {
  const Tenant = builder.objectRef<TenantRecord>('Tenant').implement({
    description: 'A tenant of the deployment',
    fields: (t) => ({
      id: t.exposeID('id'),
      slug: t.exposeString('slug'),
      name: t.exposeString('name'),
      isActive: t.exposeBoolean('isActive'),
      settings: t.field({ type: 'JSON', resolve: (r) => r.settings }),
      domains: t.exposeStringList('domains'),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
    }),
  });
  const Created = builder.objectRef<{ tenant: TenantRecord; owner: AuthUser }>('CreatedTenant').implement({
    fields: (t) => ({
      tenant: t.field({ type: Tenant, resolve: (c) => c.tenant }),
      owner: t.field({ type: authGraphQLTypes(builder).User, resolve: (c) => c.owner }),
    }),
  });
  const Owner = builder.inputType('TenantOwnerInput', {
    fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }), name: t.string() }),
  });
  const CreateInput = builder.inputType('CreateTenantInput', {
    fields: (t) => ({
      name: t.string({ required: true }),
      slug: t.string({ required: true }),
      owner: t.field({ type: Owner, required: true }),
      settings: t.field({ type: 'JSON' }),
    }),
  });
  const UpdateInput = builder.inputType('UpdateTenantInput', {
    description: 'Fields to change (e.g. { isActive: false })',
    fields: (t) => ({ name: t.string(), isActive: t.boolean(), settings: t.field({ type: 'JSON' }), domains: t.stringList() }),
  });
  return { Tenant, Connection: connectionType(builder, 'TenantConnection', Tenant), Created, CreateInput, UpdateInput };
};

type Types = ReturnType<typeof addTypes>;

const addQueries = (builder: GraphQLBuilder, types: Types) => {
  builder.queryField('tenants', (t) =>
    t.field({
      type: types.Connection,
      description: 'Every tenant, by id',
      authScopes: manage,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => {
        const page = pageOf(args);
        return listTenants(platformOf(ctx).db, page.limit, page.cursor);
      },
    }),
  );
  builder.queryField('tenant', (t) =>
    t.field({
      type: types.Tenant,
      description: 'One tenant (TENANT_NOT_FOUND)',
      authScopes: manage,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => findTenant(platformOf(ctx), parseId(String(args.id))),
    }),
  );
};

const addMutations = (builder: GraphQLBuilder, types: Types) => {
  builder.mutationField('createTenant', (t) =>
    t.field({
      type: types.Created,
      description: 'Create a tenant and its owner (role admin)',
      authScopes: manage,
      args: { input: t.arg({ type: types.CreateInput, required: true }) },
      resolve: (_root, args, ctx) => createTenantWithOwner(platformOf(ctx), parseInput(CreateBody, withoutNulls({ ...args.input }))),
    }),
  );
  builder.mutationField('updateTenant', (t) =>
    t.field({
      type: types.Tenant,
      description: 'Change a tenant (e.g. deactivate it)',
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: types.UpdateInput, required: true }) },
      resolve: (_root, args, ctx) =>
        updateTenant(platformOf(ctx), parseId(String(args.id)), parseInput(PatchBody, withoutNulls({ ...args.input }))),
    }),
  );
};

/** Platform administration of tenants (super_admin), as `/api/v1/platform/tenants`: the same use-cases and codes. */
export const platformGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  addQueries(builder, types);
  addMutations(builder, types);
};
