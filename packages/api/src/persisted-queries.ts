import { readFileSync } from 'node:fs';
import { kernelErrors } from '@rustok/kernel';
import mercurius, { type PersistedQueryProvider } from 'mercurius';
import { type PersistedQueryMode, sha256 } from './graphql-requests.js';

/**
 * Persisted queries, per the Apollo convention (`extensions.persistedQuery.sha256Hash`, version 1):
 * - `apq`: automatic persisted queries with mercurius' own provider: a hash alone runs the query
 *   registered under it, or answers PERSISTED_QUERY_NOT_FOUND; a hash with its query registers it
 *   once the hash is checked. The registry is an in-process LRU of `apq_cache_size` entries.
 * - `allowlist`: only the queries of a list built with the clients run (by hash, or in full when
 *   the full query's hash is in the list); nothing is registered at run time.
 * - `off`: no persisted queries.
 */

const invalid = (file: string, detail: string) => kernelErrors.CONFIG_INVALID(`graphql.allowlist_file ${file}: ${detail}`);

type Manifest = Record<string, unknown>;

/** `[hash, query]` pairs of Apollo's persisted query manifest (`operations: [{ id, body }]`) or of a plain `{ hash: query }` map. */
const entriesOf = (file: string, manifest: Manifest): [string, unknown][] => {
  if (Array.isArray(manifest.operations)) {
    return manifest.operations.map((op: { id?: unknown; body?: unknown } | null) => [String(op?.id), op?.body]);
  }
  if ('format' in manifest) throw invalid(file, 'a manifest needs an operations list');
  return Object.entries(manifest);
};

/** Reads an allowlist file; every hash must be the sha256 of its query, or the server does not start. */
const loadAllowlist = (file: string): ReadonlyMap<string, string> => {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw invalid(file, `cannot be read as JSON (${(error as Error).message})`);
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) throw invalid(file, 'must hold a JSON object');
  const list = new Map<string, string>();
  for (const [hash, query] of entriesOf(file, manifest)) {
    if (typeof query !== 'string' || sha256(query) !== hash) throw invalid(file, `the entry ${hash} is not the sha256 of its query`);
    list.set(hash, query);
  }
  return list;
};

const persistedOf = (request: { extensions?: object }) =>
  (request.extensions as { persistedQuery?: { sha256Hash?: string } } | undefined)?.persistedQuery;

/** Looks a hash up in the allowlist; unknown hashes answer PERSISTED_QUERY_NOT_FOUND. */
const allowlistProvider = (list: ReadonlyMap<string, string>): PersistedQueryProvider => ({
  isPersistedQuery: (request) => !request.query && Boolean(persistedOf(request)),
  isPersistedQueryRetry: () => false,
  getHash: (request) => persistedOf(request)?.sha256Hash ?? '',
  getQueryFromHash: async (hash) => list.get(hash) ?? '',
  notFoundError: 'PersistedQueryNotFound',
  notSupportedError: 'PersistedQueryNotSupported',
});

export interface PersistedQueryOptions {
  readonly mode: PersistedQueryMode;
  readonly allowlistFile?: string | null;
  readonly apqCacheSize?: number;
}

/** The mercurius provider for the mode, and the allowlist in allowlist mode. */
export const persistedQueries = (
  options: PersistedQueryOptions,
): { provider: PersistedQueryProvider | undefined; allowlist: ReadonlyMap<string, string> | undefined } => {
  if (options.mode === 'off') return { provider: undefined, allowlist: undefined };
  if (options.mode === 'apq')
    return { provider: mercurius.persistedQueryDefaults.automatic(options.apqCacheSize ?? 1000), allowlist: undefined };
  if (!options.allowlistFile)
    throw kernelErrors.CONFIG_INVALID('graphql.persisted_queries is allowlist but graphql.allowlist_file is not set');
  const allowlist = loadAllowlist(options.allowlistFile);
  return { provider: allowlistProvider(allowlist), allowlist };
};
