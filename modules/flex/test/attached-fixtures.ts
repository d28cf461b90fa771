import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import { caller, createTestPlatform, ok, type TestBackend, type TestPlatform } from '@rustok/testing';
import flexModule from '../src/index.js';
import type { FlexAttachedValues } from '../src/schemas-attached.js';

export type Headers = Record<string, string>;
export type AttachedPage = { items: FlexAttachedValues[] };

/** Two fieldsets of products, one of post nodes, one of users, and a schema of standalone entries. */
export const SPECS = {
  slug: 'specs',
  name: 'Specs',
  target: 'product',
  fields: [
    { key: 'color', type: 'enum', choices: ['red', 'blue'], access: 'public', filterable: true },
    { key: 'weight', type: 'integer', min: 1, max: 100000, sortable: true },
    { key: 'material', type: 'text', maxLength: 50, access: 'public', searchable: true, localized: true },
  ],
};
export const CARE = {
  slug: 'care',
  name: 'Care',
  target: 'product',
  fields: [
    { key: 'instructions', type: 'rich_text', access: 'public' },
    { key: 'supplier_note', type: 'text' },
  ],
};
export const POST_EXTRAS = {
  slug: 'post-extras',
  name: 'Post extras',
  target: 'content_node',
  targetKind: 'post',
  fields: [{ key: 'mood', type: 'text', access: 'public', required: true }],
};
export const PROFILE = {
  slug: 'profile',
  name: 'Profile',
  target: 'user',
  fields: [{ key: 'nickname', type: 'text', access: 'public' }],
};
export const NOTE = { slug: 'note', name: 'Note', fields: [{ key: 'text', type: 'text' }] };

/** A tenant with an admin, its schemas, a published and a draft product, a post and a page. */
export const tenantOf = async (p: TestPlatform, slug: string) => {
  const call = caller(p);
  const tenant: TenantRef = await p.createTenant(slug);
  const admin = await p.userWithToken(tenant.id, ['admin']);
  for (const schema of [SPECS, CARE, POST_EXTRAS, PROFILE, NOTE]) await ok(call('POST', '/flex/schemas', admin.headers, schema), 201);
  const product = (status: string) =>
    ok<{ id: string }>(
      call('POST', '/commerce/products', admin.headers, {
        title: `Pen ${status}`,
        status,
        variants: [{ title: 'Default', prices: [{ amount: 1000, currencyCode: 'USD' }] }],
      }),
      201,
    );
  const node = (kind: string) => ok<{ id: string }>(call('POST', '/content/nodes', admin.headers, { kind, title: `A ${kind}` }), 201);
  const published = await product('published');
  const draft = await product('draft');
  const post = await node('post');
  const page = await node('page');
  return {
    tenant,
    admin: admin.headers,
    adminId: admin.userId,
    product: published.id,
    draftProduct: draft.id,
    post: post.id,
    page: page.id,
  };
};
export type TenantObjects = Awaited<ReturnType<typeof tenantOf>>;

export const attachedPlatform = (backend: TestBackend): Promise<TestPlatform> =>
  createTestPlatform({ backend, modules: [contentModule, commerceModule, flexModule] });

/** The tenant's flex_values rows of an entity (read in a transaction of the tenant). */
export const storedValues = async (p: TestPlatform, tenantId: string, entityId: string): Promise<{ schema: string }[]> =>
  p.database.db.transaction(
    async (tx) =>
      (
        await tx.query<{ schema: string }>(
          'SELECT s.slug AS schema FROM flex_values v JOIN flex_schemas s ON s.id = v.schema_id WHERE v.entity_id = $1 ORDER BY s.slug',
          [entityId],
        )
      ).rows,
    { tenantId },
  );
