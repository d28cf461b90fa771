import type { ContentTx } from '@rustok/content/kit';
import { type Static, Type } from '@sinclair/typebox';

/** Per-tenant settings of the blog (PUT /modules/blog { settings }). */
export const BlogSettingsSchema = Type.Object(
  {
    comments: Type.Optional(Type.Object({ autoApprove: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
type BlogSettings = Static<typeof BlogSettingsSchema>;

/** `blog.comments.autoApprove` of the tenant (default false: comments wait for a moderator). */
export const autoApprove = async (w: ContentTx): Promise<boolean> => {
  const { rows } = await w.tx.query<{ settings: BlogSettings }>("SELECT settings FROM tenant_modules WHERE module = 'blog'");
  return rows[0]?.settings?.comments?.autoApprove === true;
};
