import type { StoreContentItem } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';
import { contentMessages } from '../../i18n/content.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PageOutcome, PageRoute } from '../../page-types.js';
import { loadPost } from './blog-post.js';
import { itemOf } from './content-api.js';

interface CreatedComment {
  readonly metadata?: Readonly<Record<string, unknown>>;
}

const bodyOf = (raw: unknown): string => {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).body : undefined;
  return typeof value === 'string' ? value : '';
};

/** The API's refusal as the form shows it: the field's message, else the problem's detail. */
const failureText = (ctx: PageContext, detail: string, fieldMessage: string | undefined): string => {
  const t = messagesFor(contentMessages, ctx.locale);
  return fieldMessage ?? (detail || t.commentFailed);
};

const post = async (ctx: PageContext, item: StoreContentItem, body: string): Promise<PageOutcome> => {
  const t = messagesFor(contentMessages, ctx.locale);
  if (!body.trim()) return loadPost(ctx, item.slug, { error: t.commentEmpty, draft: body });
  const result = await ctx.api.send<CreatedComment>('POST', `/blog/posts/${item.id}/comments`, { body, locale: ctx.locale });
  if (result.ok) {
    const state = result.value.metadata?.moderation === 'approved' ? 'published' : 'pending';
    return { redirect: `${ctx.href(`/blog/${item.slug}`)}?comment=${state}#comments` };
  }
  if (result.status === 401) return { redirect: ctx.href('/account') };
  const field = result.problem.errors?.find((e) => e.path.replace(/^\//, '') === 'body')?.message;
  return loadPost(ctx, item.slug, { error: failureText(ctx, result.problem.detail, field), draft: body });
};

/**
 * POST `/blog/:slug/comments` (field `body`): the comment goes to the API with the customer's
 * token; back to the post with a notice (awaiting moderation, or published). A guest is sent to sign in.
 */
export const blogCommentRoute: PageRoute = {
  path: '/blog/:slug/comments',
  method: 'POST',
  shared: false,
  load: async (ctx, params, request) => {
    if (!ctx.signedIn) return { redirect: ctx.href('/account') };
    const item = await itemOf(ctx, 'post', params.slug ?? '');
    if (!item) return { notFound: true };
    return post(ctx, item, bodyOf(request.body));
  },
};
