import type { BlockInput, PageBlock } from '../api/pages.js';
import { type JsonSchema, pruned } from './schema-form.js';

/** Site links in blocks: http(s) or a path on the site (as the server's blocks accept). */
const SAFE_URL: JsonSchema = { type: 'string', pattern: '^(https?://[^\\s]+|/[^\\s]*)$', maxLength: 2000 };

/**
 * The data of each kind of block the pages module accepts, as JSON Schema (the server's
 * modules/pages blocks.ts checks the same; a kind it does not know is refused with 422).
 * rich_text is edited as Markdown (the server keeps it and renders the HTML).
 */
export const BLOCK_SCHEMAS = {
  hero: {
    type: 'object',
    required: ['title'],
    properties: {
      title: { type: 'string', maxLength: 300 },
      subtitle: { type: 'string', maxLength: 1000 },
      imageUrl: SAFE_URL,
      ctaUrl: SAFE_URL,
    },
  },
  rich_text: { type: 'object', properties: { markdown: { type: 'string', maxLength: 200_000 } } },
  image: { type: 'object', required: ['url', 'alt'], properties: { url: SAFE_URL, alt: { type: 'string', maxLength: 500 } } },
  product_grid: {
    type: 'object',
    required: ['productIds'],
    properties: { title: { type: 'string', maxLength: 300 }, productIds: { type: 'array', items: { type: 'string' } } },
  },
  flex_list: {
    type: 'object',
    required: ['schema'],
    properties: {
      schema: { type: 'string', maxLength: 64 },
      title: { type: 'string', maxLength: 300 },
      limit: { type: 'integer', minimum: 1, maximum: 24 },
    },
  },
} as const satisfies Readonly<Record<string, JsonSchema>>;

export type BlockKind = keyof typeof BLOCK_SCHEMAS;
export const BLOCK_KINDS = Object.keys(BLOCK_SCHEMAS) as BlockKind[];

export const isBlockKind = (type: string): type is BlockKind => type in BLOCK_SCHEMAS;

/** A block being edited: a key of its own (kept while it moves) and its data. */
export interface DraftBlock {
  readonly key: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

let drafted = 0;
const newKey = (): string => {
  drafted += 1;
  return `new-${drafted}`;
};

export const draftOf = (block: PageBlock): DraftBlock => ({ key: block.id, type: block.type, data: block.data });

export const newDraft = (type: BlockKind): DraftBlock => ({ key: newKey(), type, data: type === 'rich_text' ? { markdown: '' } : {} });

/** The block as the server takes it: empty fields left out, rich text as its source alone, an image's alt always present. */
export const inputOf = (block: DraftBlock): BlockInput => {
  const data = (pruned(block.data) ?? {}) as Record<string, unknown>;
  if (block.type === 'rich_text') {
    const markdown = block.data.markdown;
    return { type: block.type, data: typeof markdown === 'string' ? { markdown } : { html: String(block.data.html ?? '') } };
  }
  if (block.type === 'image') return { type: block.type, data: { ...data, alt: typeof data.alt === 'string' ? data.alt : '' } };
  return { type: block.type, data };
};

/** The list with the block at `from` moved to `to` (both within the list). */
export const moved = <T>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};
