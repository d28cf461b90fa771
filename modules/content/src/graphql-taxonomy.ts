import { addDeleteMutation, graphqlContextOf } from '@rustok/api';
import type { GraphQLBuilder } from '@rustok/kernel';

import { defined, idArg } from './graphql-kit.js';
import type { CategoryInput, CategoryPatch, ContentCategory, ContentTag, TagInput } from './schemas.js';

import { createCategory } from './use-cases/create-category.js';

import { deleteCategory } from './use-cases/delete-category.js';

import { listCategories } from './use-cases/list-categories.js';

import { createTag, listTags } from './use-cases/tags.js';

import { updateCategory } from './use-cases/update-category.js';

const addTypes = (builder: GraphQLBuilder) => {
  const Category = builder.objectRef<ContentCategory>('ContentCategory').implement({
    description: 'A category of the tenant (a tree through parentId)',
    fields: (t) => ({
      id: t.exposeID('id'),
      parentId: t.exposeString('parentId', { nullable: true }),
      name: t.exposeString('name'),
      slug: t.exposeString('slug'),
      depth: t.exposeInt('depth'),
      position: t.exposeInt('position'),
    }),
  });
  const Tag = builder.objectRef<ContentTag>('ContentTag').implement({
    fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), slug: t.exposeString('slug') }),
  });
  const categoryFields = (required: boolean) =>
    builder.inputType(required ? 'CreateContentCategoryInput' : 'UpdateContentCategoryInput', {
      fields: (t) => ({ name: t.string({ required }), slug: t.string(), parentId: t.id(), position: t.int() }),
    });
  const NewTag = builder.inputType('CreateContentTagInput', { fields: (t) => ({ name: t.string({ required: true }), slug: t.string() }) });
  return { Category, Tag, CreateCategory: categoryFields(true), UpdateCategory: categoryFields(false), NewTag };
};

/**
 * Categories and tags, as over REST: reading is public (navigation), writing needs
 * content.categories.manage / content.tags.manage. In updates null means "not given", so a
 * category cannot be moved back to the root here (REST can: `parentId: null`).
 */
export const addTaxonomyFields = (builder: GraphQLBuilder): void => {
  const { Category, Tag, CreateCategory, UpdateCategory, NewTag } = addTypes(builder);
  const manage = { permission: 'content.categories.manage' };
  builder.queryField('contentCategories', (t) =>
    t.field({ type: [Category], authScopes: { public: true }, resolve: (_root, _args, ctx) => listCategories(graphqlContextOf(ctx)) }),
  );
  builder.mutationField('createContentCategory', (t) =>
    t.field({
      type: Category,
      authScopes: manage,
      args: { input: t.arg({ type: CreateCategory, required: true }) },
      resolve: (_root, args, ctx) => createCategory(graphqlContextOf(ctx), defined({ ...args.input }) as CategoryInput),
    }),
  );
  builder.mutationField('updateContentCategory', (t) =>
    t.field({
      type: Category,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCategory, required: true }) },
      resolve: (_root, args, ctx) => updateCategory(graphqlContextOf(ctx), idArg(args.id), defined({ ...args.input }) as CategoryPatch),
    }),
  );
  addDeleteMutation(builder, 'deleteContentCategory', { authScopes: manage, contextOf: graphqlContextOf, remove: deleteCategory });
  builder.queryField('contentTags', (t) =>
    t.field({ type: [Tag], authScopes: { public: true }, resolve: (_root, _args, ctx) => listTags(graphqlContextOf(ctx)) }),
  );
  builder.mutationField('createContentTag', (t) =>
    t.field({
      type: Tag,
      authScopes: { permission: 'content.tags.manage' },
      args: { input: t.arg({ type: NewTag, required: true }) },
      resolve: (_root, args, ctx) => createTag(graphqlContextOf(ctx), defined({ ...args.input }) as TagInput),
    }),
  );
};
