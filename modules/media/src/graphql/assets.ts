import { connectionType, type GraphQLBuilder, pageOf } from '@rustok/kernel';
import { graphqlMediaContextOf as contextOf, MEDIA_MANAGE, MEDIA_READ } from '../context.js';
import type { AssetKind, MediaAsset, MediaVariant } from '../schemas.js';
import { deleteAsset } from '../use-cases/delete-asset.js';
import { getAsset, listAssets } from '../use-cases/read-assets.js';
import { updateAsset } from '../use-cases/update-asset.js';

const read = { permission: MEDIA_READ };
const manage = { permission: MEDIA_MANAGE };

const addTypes = (builder: GraphQLBuilder) => {
  const Variant = builder.objectRef<MediaVariant>('MediaVariant').implement({
    description: 'A WebP size of an image',
    fields: (t) => ({
      name: t.exposeString('name'),
      width: t.exposeInt('width'),
      height: t.exposeInt('height'),
      size: t.exposeInt('size'),
      contentType: t.exposeString('contentType'),
      url: t.exposeString('url', { description: 'Immutable (cached for a year); public' }),
    }),
  });
  const Asset = builder.objectRef<MediaAsset>('MediaAsset').implement({
    description: 'A stored file of the tenant, judged by its bytes; images have WebP variants',
    fields: (t) => ({
      id: t.exposeID('id'),
      fileName: t.exposeString('fileName'),
      contentType: t.exposeString('contentType', { description: 'The type the bytes really have' }),
      size: t.exposeInt('size'),
      width: t.exposeInt('width', { nullable: true }),
      height: t.exposeInt('height', { nullable: true }),
      alt: t.exposeString('alt', { nullable: true }),
      url: t.exposeString('url', { description: 'The original file: immutable, public' }),
      variants: t.field({ type: [Variant], resolve: (a) => a.variants }),
      variantUrl: t.string({
        nullable: true,
        description: 'The URL of one variant (null when the asset has none of that name)',
        args: { name: t.arg.string({ required: true }) },
        resolve: (a, args) => a.variants.find((v) => v.name === args.name)?.url ?? null,
      }),
      createdBy: t.exposeID('createdBy', { nullable: true }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
    }),
  });
  const Kind = builder.enumType('MediaAssetKind', { values: ['image', 'document'] as const });
  const Update = builder.inputType('UpdateMediaAssetInput', {
    fields: (t) => ({ alt: t.string({ description: 'The alternative text; null or empty removes it' }) }),
  });
  return { Asset, Kind, Update, Connection: connectionType(builder, 'MediaAssetConnection', Asset) };
};

type Types = ReturnType<typeof addTypes>;

const addQueries = (builder: GraphQLBuilder, types: Types) => {
  builder.queryField('mediaAssets', (t) =>
    t.field({
      type: types.Connection,
      authScopes: read,
      args: { first: t.arg.int(), after: t.arg.string(), type: t.arg({ type: types.Kind }) },
      resolve: (_root, args, ctx) => {
        const kind: AssetKind | undefined = args.type ?? undefined;
        return listAssets(contextOf(ctx), { ...pageOf(args), ...(kind ? { type: kind } : {}) });
      },
    }),
  );
  builder.queryField('mediaAsset', (t) =>
    t.field({
      type: types.Asset,
      authScopes: read,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => getAsset(contextOf(ctx), String(args.id)),
    }),
  );
};

const addMutations = (builder: GraphQLBuilder, types: Types) => {
  builder.mutationField('updateMediaAsset', (t) =>
    t.field({
      type: types.Asset,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: types.Update, required: true }) },
      resolve: (_root, args, ctx) => updateAsset(contextOf(ctx), String(args.id), { alt: args.input.alt ?? null }),
    }),
  );
  builder.mutationField('deleteMediaAsset', (t) =>
    t.field({
      type: 'Boolean',
      authScopes: manage,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await deleteAsset(contextOf(ctx), String(args.id));
        return true;
      },
    }),
  );
};

/** Media over GraphQL: reading and changing assets; uploads stay on REST (multipart or direct). */
export const mediaGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  addQueries(builder, types);
  addMutations(builder, types);
};
