import type { GraphQLBuilder, GraphQLContext, TenantRef } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import { flagList, storeFlags } from './feature-flags-routes.js';
import { servicesOf, tenantIdOf } from './locales-routes.js';
import { deleteFeatureFlag, setFeatureFlag } from './set-feature-flag.js';

interface FlagEntry {
  readonly key: string;
  readonly enabled: boolean;
  readonly rollout?: number;
  readonly public?: boolean;
  readonly description?: string;
}

const appOf = (ctx: GraphQLContext) => (ctx as GraphQLContext & { app: FastifyInstance }).app;
const MANAGE = { permission: 'tenancy.settings.manage' } as const;

/** Present fields of a GraphQL input (nulls left out), as the REST body would carry them. */
const flagInput = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));

/** `featureFlags`, `setFeatureFlag`, `deleteFeatureFlag` and the storefront's `storeFeatureFlags`, as over REST. */
export const featureFlagsGraphQL = (builder: GraphQLBuilder): void => {
  const Flag = builder.objectRef<FlagEntry>('FeatureFlag').implement({
    description: 'A rollout flag of the tenant',
    fields: (t) => ({
      key: t.exposeString('key'),
      enabled: t.exposeBoolean('enabled'),
      rollout: t.int({ description: 'Share of subjects it is on for, in %', resolve: (f) => f.rollout ?? 100 }),
      public: t.boolean({ resolve: (f) => f.public === true }),
      description: t.string({ nullable: true, resolve: (f) => f.description ?? null }),
    }),
  });
  const StoreFlag = builder.objectRef<{ key: string; on: boolean }>('StoreFeatureFlag').implement({
    fields: (t) => ({ key: t.exposeString('key'), on: t.exposeBoolean('on') }),
  });
  const FlagInput = builder.inputType('FeatureFlagInput', {
    fields: (t) => ({
      enabled: t.boolean({ required: true }),
      rollout: t.int(),
      public: t.boolean(),
      description: t.string(),
    }),
  });
  builder.queryField('featureFlags', (t) =>
    t.field({ type: [Flag], authScopes: MANAGE, resolve: (_root, _args, ctx) => flagList(ctx.tenant as TenantRef | undefined) }),
  );
  builder.queryField('storeFeatureFlags', (t) =>
    t.field({
      type: [StoreFlag],
      description: "The tenant's public flags, each on or off for a subject (a customer or session id)",
      authScopes: { public: true },
      args: { subject: t.arg.string() },
      resolve: (_root, args, ctx) =>
        Object.entries(storeFlags(ctx.tenant as TenantRef | undefined, args.subject ?? undefined).flags).map(([key, on]) => ({ key, on })),
    }),
  );
  builder.mutationField('setFeatureFlag', (t) =>
    t.field({
      type: Flag,
      authScopes: MANAGE,
      args: { key: t.arg.string({ required: true }), input: t.arg({ type: FlagInput, required: true }) },
      resolve: async (_root, args, ctx) => {
        const flag = await setFeatureFlag(servicesOf(appOf(ctx)), tenantIdOf(ctx.tenant), args.key, flagInput(args.input));
        return { key: args.key, ...flag };
      },
    }),
  );
  builder.mutationField('deleteFeatureFlag', (t) =>
    t.field({
      type: 'Boolean',
      authScopes: MANAGE,
      args: { key: t.arg.string({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await deleteFeatureFlag(servicesOf(appOf(ctx)), tenantIdOf(ctx.tenant), args.key);
        return true;
      },
    }),
  );
};
