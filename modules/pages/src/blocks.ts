import { renderBody } from '@rustok/content/kit';
import { createValidator, type FieldError, Id } from '@rustok/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { invalid } from './context.js';

/** Links in blocks: http(s) or a site-relative path (no javascript: or data: URLs). */
const SafeUrl = () => Type.String({ pattern: '^(https?://[^\\s]+|/[^\\s]*)$', maxLength: 2000 });

const Hero = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    subtitle: Type.Optional(Type.String({ maxLength: 1000 })),
    imageUrl: Type.Optional(SafeUrl()),
    ctaUrl: Type.Optional(SafeUrl()),
  },
  { additionalProperties: false },
);
const RichText = Type.Object(
  { markdown: Type.Optional(Type.String({ maxLength: 200_000 })), html: Type.Optional(Type.String({ maxLength: 200_000 })) },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);
/** The sizes the server writes into an image block of a media asset (sent back as they were, they are written again). */
const ImageSize = Type.Object(
  { url: Type.String({ maxLength: 2000 }), width: Type.Integer({ minimum: 1 }), height: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
/**
 * An image: an address, or `mediaId`, an image asset of the tenant's media library (then `url`,
 * `width`, `height` and `srcset` are the asset's, written by the server: see block-media.ts).
 */
const Image = Type.Object(
  {
    url: Type.Optional(SafeUrl()),
    mediaId: Type.Optional(Id({ description: 'An image asset of the media module, instead of a url' })),
    alt: Type.String({ maxLength: 500 }),
    width: Type.Optional(Type.Integer({ minimum: 1 })),
    height: Type.Optional(Type.Integer({ minimum: 1 })),
    srcset: Type.Optional(Type.Array(ImageSize, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
const ProductGrid = Type.Object(
  {
    productIds: Type.Array(Id(), { minItems: 1, maxItems: 48, uniqueItems: true }),
    title: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
/**
 * A list of a flex schema's published entries (the storefront reads them from flex's public API):
 * the block only names the schema's slug, so pages needs nothing of flex.
 */
const FlexList = Type.Object(
  {
    schema: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,63}$', description: 'The slug of the flex schema whose entries are listed' }),
    title: Type.Optional(Type.String({ maxLength: 300 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, description: 'How many entries, newest first (12 when not given)' })),
  },
  { additionalProperties: false },
);

/** The schema of each block type's `data`. */
const BLOCK_SCHEMAS: Readonly<Record<string, TSchema>> = {
  hero: Hero,
  rich_text: RichText,
  image: Image,
  product_grid: ProductGrid,
  flex_list: FlexList,
};
export const BLOCK_TYPES = Object.keys(BLOCK_SCHEMAS);

/** A block as a client sends it: `data` is checked against the type's schema by `parseBlocks`. */
export const BlockInput = Type.Object(
  { type: Type.String({ minLength: 1, maxLength: 32 }), data: Type.Unknown() },
  { additionalProperties: false },
);
export type BlockInput = Static<typeof BlockInput>;
export const BlockList = Type.Array(BlockInput, { maxItems: 100 });

export interface Block {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

const validators = new Map(Object.entries(BLOCK_SCHEMAS).map(([type, schema]) => [type, createValidator(schema, '/')]));

/** Failing fields of one block, with paths from the request body (`/blocks/1/data/title`). */
const blockErrors = (block: BlockInput, at: string): FieldError[] => {
  const validator = validators.get(block.type);
  if (!validator) return [{ path: `${at}/type`, message: `must be one of ${BLOCK_TYPES.join(', ')} (got "${block.type}")` }];
  const errors = validator.errors(block.data).map((e) => ({ path: `${at}/data${e.path === '/' ? '' : e.path}`, message: e.message }));
  return errors.length === 0 ? [...errors, ...imageErrors(block, at)] : errors;
};

/** An image block names an address or a media asset. */
const imageErrors = (block: BlockInput, at: string): FieldError[] => {
  const data = block.data as { url?: string; mediaId?: string };
  return block.type === 'image' && data.url === undefined && data.mediaId === undefined
    ? [{ path: `${at}/data/url`, message: 'must have either a url or a mediaId' }]
    : [];
};

/** rich_text keeps its source and gains `html`: the sanitized rendering (content's renderer). */
const normalize = (block: BlockInput): Block => {
  const data = block.data as Record<string, unknown>;
  if (block.type !== 'rich_text') return { type: block.type, data };
  const markdown = typeof data.markdown === 'string' ? data.markdown : undefined;
  const html = markdown !== undefined ? renderBody(markdown, 'markdown') : renderBody(String(data.html ?? ''), 'html');
  return { type: block.type, data: markdown !== undefined ? { markdown, html } : { html } };
};

/** Checks every block and throws one 422 listing every failing field of every block. */
export const parseBlocks = (blocks: readonly BlockInput[], at = '/blocks'): Block[] => {
  const errors = blocks.flatMap((block, i) => blockErrors(block, `${at}/${i}`));
  if (errors.length > 0) throw invalid(errors);
  return blocks.map(normalize);
};
