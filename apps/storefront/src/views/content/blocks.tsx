import type { PageContext } from '../../context.js';
import { contentMessages } from '../../i18n/content.js';
import { messagesFor } from '../../i18n/messages.js';
import { type FlexList, flexListLimit, flexListSchema } from '../../routes/content/flex-lists.js';
import type { GridProduct } from '../../routes/content/grid-products.js';
import { ProductCard } from '../product-card.js';
import { mediaImageOf, ResponsiveImage } from '../responsive-image.js';
import { FlexListView } from './flex-list.js';

/** A page block as the pages API answers it (`data` checked by the API against the block type's schema). */
export interface PageBlock {
  readonly id: string;
  readonly position: number;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Links of blocks: http(s) or a site path (the API allows no other), a site path put in the page's locale. */
const safeHref = (ctx: PageContext, value: unknown): string | undefined => {
  const url = text(value);
  if (!url) return undefined;
  if (/^https?:\/\//.test(url)) return url;
  return url.startsWith('/') && !url.startsWith('//') ? ctx.href(url) : undefined;
};

interface BlockProps {
  readonly ctx: PageContext;
  readonly block: PageBlock;
  /** The first block of a page carries its h1 when it is a hero. */
  readonly first: boolean;
  readonly products: ReadonlyMap<string, GridProduct>;
  /** The lists flex_list blocks show, by schema slug. */
  readonly flexLists: ReadonlyMap<string, FlexList>;
}

const Hero = ({ ctx, block, first }: BlockProps) => {
  const t = messagesFor(contentMessages, ctx.locale);
  const Heading = first ? 'h1' : 'h2';
  const image = safeHref(ctx, block.data.imageUrl);
  const cta = safeHref(ctx, block.data.ctaUrl);
  return (
    <section class="hero" data-block="hero">
      {image ? <img src={image} alt="" width="1200" height="500" loading={first ? 'eager' : 'lazy'} /> : null}
      <Heading>{text(block.data.title)}</Heading>
      {text(block.data.subtitle) ? <p>{text(block.data.subtitle)}</p> : null}
      {cta ? (
        <p>
          <a class="button" href={cta}>
            {t.readMore}
          </a>
        </p>
      ) : null}
    </section>
  );
};

/** Rich text: the HTML the platform sanitised when the block was saved. */
const RichText = ({ block }: BlockProps) => (
  <div class="rich-text" data-block="rich_text" dangerouslySetInnerHTML={{ __html: text(block.data.html) ?? '' }} />
);

/** A block image is laid out at most this wide (the page's text column, the whole width on a phone). */
const IMAGE_BOX = { width: 1200, height: 800 };
const IMAGE_SIZES = '(max-width: 75rem) 100vw, 1200px';

const Image = ({ ctx, block }: BlockProps) => {
  const media = mediaImageOf(block.data);
  const src = media ? media.url : safeHref(ctx, block.data.url);
  if (!src) return null;
  return (
    <figure data-block="image">
      <ResponsiveImage image={media ?? { url: src, alt: null }} alt={text(block.data.alt) ?? ''} sizes={IMAGE_SIZES} box={IMAGE_BOX} />
    </figure>
  );
};

/** The ids a product grid names (the API keeps them to uuids). */
export const gridIds = (block: PageBlock): string[] =>
  block.type === 'product_grid' && Array.isArray(block.data.productIds)
    ? block.data.productIds.filter((id): id is string => typeof id === 'string')
    : [];

const ProductGrid = ({ ctx, block, products }: BlockProps) => {
  const t = messagesFor(contentMessages, ctx.locale);
  const shown = gridIds(block)
    .map((id) => products.get(id))
    .filter((p): p is GridProduct => p !== undefined);
  if (shown.length === 0) return null;
  const title = text(block.data.title) ?? t.products;
  return (
    <section data-block="product_grid" aria-label={title}>
      {text(block.data.title) ? <h2>{title}</h2> : null}
      <ul class="grid">
        {shown.map((product) => (
          <ProductCard ctx={ctx} product={product} soldOut={t.soldOut} />
        ))}
      </ul>
    </section>
  );
};

const FlexListBlock = ({ ctx, block, flexLists }: BlockProps) => {
  const schema = flexListSchema(block);
  const list = schema ? flexLists.get(schema) : undefined;
  return list ? <FlexListView ctx={ctx} list={list} title={text(block.data.title)} limit={flexListLimit(block)} /> : null;
};

const VIEWS: Readonly<Record<string, (props: BlockProps) => ReturnType<typeof Hero> | null>> = {
  hero: Hero,
  rich_text: RichText,
  image: Image,
  product_grid: ProductGrid,
  flex_list: FlexListBlock,
};

/** A page's blocks in order; a block type this storefront does not know is left out. */
export const Blocks = ({
  ctx,
  blocks,
  products,
  flexLists = new Map(),
}: {
  ctx: PageContext;
  blocks: readonly PageBlock[];
  products: ReadonlyMap<string, GridProduct>;
  flexLists?: ReadonlyMap<string, FlexList>;
}) => (
  <div class="blocks">
    {blocks.map((block, i) => {
      const View = VIEWS[block.type];
      return View ? <View ctx={ctx} block={block} first={i === 0} products={products} flexLists={flexLists} /> : null;
    })}
  </div>
);
