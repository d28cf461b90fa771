import { generateId, parseInput } from '@rustok/kernel';
import { type ContentContext, inTenant, requirePermission } from '../context.js';
import { contentErrors } from '../errors.js';
import { type ContentTag, TagInput } from '../schemas.js';

import { slugFromTitle } from '../slug.js';

/** GET /content/tags: every tag of the tenant, by slug. */
export const listTags = (ctx: ContentContext): Promise<ContentTag[]> =>
  inTenant(ctx, async (w) => (await w.tx.query<ContentTag>('SELECT id, name, slug FROM content_tags ORDER BY slug')).rows);

/** POST /content/tags: 409 CONTENT_SLUG_TAKEN when the slug exists (tags are shared, not suffixed). */
export const createTag = (ctx: ContentContext, raw: TagInput): Promise<ContentTag> =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, 'content.tags.manage');
    const input = parseInput(TagInput, raw);
    const slug = input.slug ?? slugFromTitle(input.name, 'tag').slice(0, 100).replace(/-+$/, '');
    const { rows } = await w.tx.query<ContentTag>(
      'INSERT INTO content_tags (id, name, slug) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, slug) DO NOTHING RETURNING id, name, slug',
      [generateId(), input.name.trim(), slug],
    );
    const tag = rows[0];
    if (!tag) throw contentErrors.CONTENT_SLUG_TAKEN(`The tag "${slug}" exists already`);
    await w.publish('content.tag.created', { tagId: tag.id, slug: tag.slug });
    return tag;
  });
