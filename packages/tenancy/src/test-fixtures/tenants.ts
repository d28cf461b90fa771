import { generateId, type RustokSettings, type SqlRunner } from '@rustok/kernel';

export interface FixtureTenant {
  readonly id: string;
  readonly slug: string;
}

/** Inserts a tenant (and its custom domains) with plain SQL. */
export const insertTenant = async (
  db: Pick<SqlRunner, 'query'>,
  slug: string,
  options: { readonly active?: boolean; readonly hosts?: readonly string[]; readonly name?: string } = {},
): Promise<FixtureTenant> => {
  const id = generateId();
  await db.query('INSERT INTO tenants (id, name, slug, is_active, settings) VALUES ($1, $2, $3, $4, $5)', [
    id,
    options.name ?? `Tenant ${slug}`,
    slug,
    options.active ?? true,
    JSON.stringify({ theme: slug }),
  ]);
  for (const host of options.hosts ?? []) await db.query('INSERT INTO tenant_domains (host, tenant_id) VALUES ($1, $2)', [host, id]);
  return { id, slug };
};

export interface CountingDb {
  readonly db: Pick<SqlRunner, 'query'>;
  /** SQL text of every query run through `db`, in order. */
  readonly queries: string[];
}

/** Wraps a database so a test can count the queries that went through it. */
export const countingDb = (inner: Pick<SqlRunner, 'query'>): CountingDb => {
  const queries: string[] = [];
  const db: Pick<SqlRunner, 'query'> = {
    query: <Row extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: readonly unknown[]) => {
      queries.push(text);
      return inner.query<Row>(text, params);
    },
  };
  return { db, queries };
};

export const tenantSettings = (overrides: Partial<RustokSettings['tenant']> = {}): RustokSettings['tenant'] => ({
  resolution: 'header',
  header_name: 'X-Tenant-ID',
  default_slug: 'default',
  base_domain: 'example.test',
  cache_ttl_ms: 60_000,
  negative_cache_ttl_ms: 5_000,
  ...overrides,
});

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true or `timeoutMs` passes. */
export const waitFor = async (check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(5);
  }
};
