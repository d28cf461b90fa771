import { type Config, moduleOptions } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

const obj = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false, default: {} });

/**
 * The index module's deployment options: `settings.rustok.search` and `settings.rustok.index` in the
 * config files (RUSTOK_SETTINGS__RUSTOK__INDEX__<KEY> and so on), validated with the rest of the config.
 */
export const IndexOptionsSchema = Type.Object({
  search: obj({
    default_locale: Type.String({ default: 'en', pattern: '^[a-z]{2}(-[A-Z]{2})?$' }),
    trigram_fallback: Type.Boolean({ default: true }),
    max_results: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  }),
  index: obj({
    /** Cron expression (5 fields, server time) for a full rebuild of every active tenant's read models; null = never. */
    reindex_schedule: Type.Union([Type.String({ minLength: 9, maxLength: 100 }), Type.Null()], { default: null }),
    /** Storefront response cache per tenant (in-process, invalidated by index events); 0 = off. */
    cache_ttl_ms: Type.Integer({ minimum: 0, maximum: 60_000, default: 0 }),
    /** Facet counts kept per tenant and filters until the tenant's next index write here (this long at most, for other instances' writes); 0 = off. */
    facet_cache_ms: Type.Integer({ minimum: 0, maximum: 60_000, default: 10_000 }),
    /** Items per batch (and per transaction) of a rebuild or verify run. */
    batch_size: Type.Integer({ minimum: 1, maximum: 10_000, default: 200 }),
    /** Currency of price filters, price sorts and price facets when a request names none. */
    default_currency: Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' }),
    /** Upper bounds (minor units, ascending) of the price facet buckets; the last bucket is open. */
    price_buckets: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, default: [2_500, 5_000, 10_000, 25_000, 50_000] }),
  }),
});
export type IndexOptions = Static<typeof IndexOptionsSchema>;

/** The index module's options in this deployment's configuration. */
export const indexOptions = (config: Config): IndexOptions => moduleOptions(config, IndexOptionsSchema);
