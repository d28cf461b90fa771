/**
 * Text helpers of the index: which PostgreSQL text search configuration a locale uses, plain text
 * out of HTML, previews, and the query strings built from what a shopper typed.
 */

/** Languages with a snowball stemmer in PostgreSQL (and PGlite); other locales use `simple`. */
const CONFIGS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  lt: 'lithuanian',
  nb: 'norwegian',
  ne: 'nepali',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

/** The text search configuration of a locale (`ru-RU` → `russian`, unknown → `simple`). */
export const searchConfigOf = (locale: string): string => CONFIGS[locale.slice(0, 2).toLowerCase()] ?? 'simple';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Visible text of sanitized HTML: tags dropped, common entities decoded, whitespace collapsed. */
export const htmlToText = (html: string): string =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** At most `max` characters, cut at a word boundary when one is near, with an ellipsis when cut. */
export const preview = (text: string, max = 300): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.4 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/** Words of a query (letters and digits of any script), lower-cased, at most 8, each at most 64 characters. */
export const queryWords = (q: string): string[] => (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8).map((w) => w.slice(0, 64));

/** Whether the query uses web-search syntax (quotes, `or`, a leading minus): then no prefix matching. */
export const usesOperators = (q: string): boolean => /["]|(^|\s)-\S|\s+or\s+/i.test(q);

/**
 * `w1:* & w2:*` for to_tsquery: every word as a prefix, so a half-typed word (and, after stemming,
 * another form of the same word: «кроссовки» → 'кроссовк':* finds «кроссовок») still matches.
 */
export const prefixQuery = (q: string): string =>
  queryWords(q)
    .map((w) => `${w}:*`)
    .join(' & ');

/**
 * The loose query used when neither full text nor trigrams are available for a typo: each word cut
 * to its first half (at least 3 characters) as a prefix, any of them matching.
 */
export const loosePrefixQuery = (q: string): string =>
  queryWords(q)
    .filter((w) => w.length >= 3)
    .map((w) => `${w.slice(0, Math.max(3, Math.floor(w.length / 2)))}:*`)
    .join(' | ');
