import { loosePrefixQuery, prefixQuery, usesOperators } from '../text.js';
import { type MatchMode, type Params, TRIGRAM_THRESHOLD } from './sql.js';

/** The WHERE condition of a match and its score (null: no score, lists sort by their own key). */
export interface Match {
  readonly mode: MatchMode;
  readonly where: string;
  readonly score: string | null;
  /** pg_trgm's word-similarity threshold the statement runs with (typo matching only). */
  readonly threshold?: number;
}

export interface MatchInput {
  readonly q: string | undefined;
  readonly config: string;
  /** Fuzzy matching through pg_trgm (else loose prefixes). */
  readonly trigram: boolean;
  /** Which read model, and the locale searched (its candidates come from the GIN indexes). */
  readonly table: 'products' | 'content';
  readonly locale: string;
}

const ID_COLUMN = { products: 'product_id', content: 'node_id' } as const;

/** `id = ANY (candidates)`: the ids the security-definer function finds through the GIN index. */
const candidates = (input: MatchInput, fn: 'match' | 'similar', arg: string, p: (v: unknown) => string): string =>
  `${ID_COLUMN[input.table]} = ANY (ARRAY(SELECT index_${fn}_${input.table}(${p(input.locale)}, ${arg})))`;

/**
 * The text search configuration as a literal: one of the names of `searchConfigOf` (never user
 * input), so that the planner folds the whole tsquery into a constant once instead of per row.
 */
const configLiteral = (config: string): string => {
  if (!/^[a-z]+$/.test(config)) throw new Error(`not a text search configuration name: ${config}`);
  return `'${config}'::regconfig`;
};

const fullText = (p: (value: unknown) => string, q: string, config: string): string => {
  const cfg = configLiteral(config);
  const web = `websearch_to_tsquery(${cfg}, ${p(q)})`;
  const prefix = usesOperators(q) ? '' : prefixQuery(q);
  return prefix ? `(${web} || to_tsquery(${cfg}, ${p(prefix)}))` : web;
};

/**
 * Full text: `websearch_to_tsquery` (quotes, or, -word) or'ed with every word as a stemmed prefix
 * (type-ahead); score ts_rank over the weighted vector (title A > tags B > SEO C > body D),
 * divided by 1 + log(length). Fuzzy: word similarity of the query to the title (pg_trgm), or
 * without pg_trgm the loose prefixes of `loosePrefixQuery`. Either way the candidates come from
 * the GIN index through index_match_* / index_similar_* (see the migrations).
 */
export const buildMatch = (params: Params, mode: MatchMode, input: MatchInput): Match => {
  const p = (v: unknown) => params.p(v);
  const q = input.q ?? '';
  if (mode === 'all' || q.trim() === '') return { mode: 'all', where: 'TRUE', score: null };
  if (mode === 'fuzzy' && input.trigram) {
    const text = p(q);
    return {
      mode,
      where: `${candidates(input, 'similar', text, p)} AND ${text} <% title`,
      score: `word_similarity(${text}, title)`,
      threshold: TRIGRAM_THRESHOLD,
    };
  }
  const loose = mode === 'fuzzy' ? loosePrefixQuery(q) : '';
  if (mode === 'fuzzy' && !loose) return { mode, where: 'FALSE', score: '0::real' };
  const tsq = mode === 'fuzzy' ? `to_tsquery(${configLiteral(input.config)}, ${p(loose)})` : fullText(p, q, input.config);
  return {
    mode,
    where: `${candidates(input, 'match', tsq, p)} AND search_vector @@ ${tsq}`,
    score: `ts_rank(search_vector, ${tsq}, 1)`,
  };
};

/** A sort: its key expression, direction, and the type its cursor key is cast back to. */
export interface SortSpec {
  readonly key: string;
  readonly desc: boolean;
  readonly cast: 'timestamptz' | 'bigint' | 'real' | 'numeric' | 'text';
  readonly where?: string;
}

/** `(key, id) < (cursor key, cursor id)` for a descending sort, `>` for an ascending one. */
export const keysetCondition = (params: Params, sort: SortSpec, idColumn: string, cursor: { key: string | null; id: string }): string => {
  const op = sort.desc ? '<' : '>';
  return `(${sort.key}, ${idColumn}) ${op} (${params.p(cursor.key)}::${sort.cast}, ${params.p(cursor.id)}::uuid)`;
};
