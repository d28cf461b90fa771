import type { PageContext } from '../../context.js';
import { contentMessages } from '../../i18n/content.js';
import { fill, messagesFor } from '../../i18n/messages.js';
import type { PageOutcome } from '../../page-types.js';
import { ContentList, Pager } from '../../views/content/content-list.js';
import { listOfKind } from './content-api.js';

export interface ListSpec {
  readonly kind: 'post' | 'topic';
  /** `/blog` or `/forum`. */
  readonly base: string;
  readonly title: string;
  readonly description: string;
  readonly empty: string;
  readonly older: string;
  readonly replies: boolean;
}

/** The filter a list shows under its title: the category's name (as its items say) or the tag. */
const filterLabel = (ctx: PageContext, categoryName: string | undefined): string | undefined => {
  const t = messagesFor(contentMessages, ctx.locale);
  const category = ctx.query.get('category');
  if (category) return fill(t.inCategory, { name: categoryName ?? category });
  const tag = ctx.query.get('tag');
  return tag ? fill(t.withTag, { name: tag }) : undefined;
};

/** The list's own address with its filter and cursor (the canonical address of that page of it). */
const canonicalOf = (ctx: PageContext, base: string): string => {
  const kept = new URLSearchParams();
  for (const name of ['category', 'tag', 'cursor']) {
    const value = ctx.query.get(name);
    if (value) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `${base}?${query}` : base;
};

/** A page of posts or topics, newest first, with the keyset pager (`?cursor=`) and a category or tag filter. */
export const loadList = async (ctx: PageContext, spec: ListSpec): Promise<PageOutcome> => {
  const page = await listOfKind(ctx, spec.kind);
  if (!page) return { notFound: true };
  const filter = filterLabel(ctx, page.items[0]?.category?.name);
  return {
    head: {
      title: filter ? `${spec.title}: ${filter}` : spec.title,
      description: spec.description,
      canonicalPath: canonicalOf(ctx, spec.base),
    },
    tags: ['content'],
    body: (
      <section aria-labelledby="list-title">
        <h1 id="list-title">{spec.title}</h1>
        {filter ? <p class="muted">{filter}</p> : null}
        {page.items.length === 0 ? (
          <p>{spec.empty}</p>
        ) : (
          <ContentList ctx={ctx} base={spec.base} items={page.items} replies={spec.replies} />
        )}
        <Pager ctx={ctx} base={spec.base} next={page.nextCursor} older={spec.older} />
      </section>
    ),
  };
};
