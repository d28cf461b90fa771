import { setTimeout as sleep } from 'node:timers/promises';
import { errorCodeOf, firstIdAt, type SqlRunner } from '@rustok/kernel';

/** A function that runs `statement` (its `%I` the name) on each of the named partitions of `parent`, returning the names. */
const eachPartitionSql = (
  name: string,
  statement: string,
): string => `CREATE OR REPLACE FUNCTION ${name}(parent text, names text[]) RETURNS SETOF text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT public.sys_partitions_named(parent, names) LOOP
    EXECUTE format('${statement}', t);
    RETURN NEXT t;
  END LOOP;
END $$;`;

/**
 * The only lock the creation and the drop wait for is the parent's, holding nothing yet; they give it
 * up after this, well before PostgreSQL's deadlock check (1 s by default). Every other is taken NOWAIT.
 */
const PARENT_LOCK_TIMEOUT_MS = 200;

/**
 * Range partitions on a time-ordered id (docs/adr/0012-partitions.md). Ids start with their
 * millisecond time, so "the rows of one period" is an id range: `[firstIdAt(start), firstIdAt(end))`.
 *
 * Creating and dropping a partition needs the parent's owner, and the application runs as a role
 * that owns nothing. The migrations (as the owner) create three SECURITY DEFINER functions the
 * application role may execute. Each accepts only a partitioned table of schema `public` owned by
 * the function's owner, and only partitions found in the catalog under it; names reach the SQL
 * text through `%I` only.
 *
 * - `sys_partition_create(parent, suffix, lo, hi)` creates `<parent>_<suffix>` for `[lo, hi)` unless
 *   a table of that name exists (false then, also when another transaction made it meanwhile: two
 *   makers at once, such as a server's jobs at start and a command); the suffix is digits only. It never waits for a lock
 *   while holding another: the CREATE locks the parent and its default partition and, through the
 *   foreign keys, the tables on either side of them, in an order no writer follows (a checkout holds
 *   the orders and waits for the order lines; the CREATE of a lines partition holds the lines and
 *   waits for the orders), and such a wait can close a cycle in which PostgreSQL's deadlock check
 *   picks a writer as the victim. So it waits (under a `lock_timeout` well below the deadlock
 *   check's second) only for the parent, holding nothing yet, then takes the others NOWAIT; when one
 *   is held it returns null, having made nothing, and the caller tries again a moment later.
 * - `sys_partition_lock(parent, names, nowait)` takes ACCESS EXCLUSIVE locks on the parent and those
 *   partitions, so a check made afterwards in the same transaction still holds when they are dropped,
 *   and returns the names locked. The parent first, since dropping a partition locks it: a drop that
 *   waited for the parent holding the partition would hold up a reader that has the parent and comes
 *   for that partition (and the writers queued after it). Unless `nowait` it waits for the parent as
 *   the creation does, so the caller must hold nothing yet; the partitions it takes NOWAIT. When one
 *   is held it returns null, having locked nothing, and the caller tries again a moment later.
 * - `sys_partition_drop(parent, names)` drops those partitions (never the default one); returns the
 *   names dropped.
 */
export const PARTITIONS_SQL = `
CREATE OR REPLACE FUNCTION sys_partitioned_parent(parent text) RETURNS oid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.oid FROM pg_class c
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'p' AND c.relname = parent
     AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
$$;

CREATE OR REPLACE FUNCTION sys_partitions_named(parent text, names text[]) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
   WHERE i.inhparent = public.sys_partitioned_parent(parent) AND c.relname = ANY (names)
     AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
   ORDER BY c.relname
$$;

CREATE OR REPLACE FUNCTION sys_partition_create(parent text, suffix text, lo uuid, hi uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '${PARENT_LOCK_TIMEOUT_MS}ms' AS $$
DECLARE
  p oid := public.sys_partitioned_parent(parent);
  t oid;
BEGIN
  IF suffix !~ '^[0-9]{6,14}$' THEN RAISE EXCEPTION 'partition suffix must be digits: %', suffix; END IF;
  IF p IS NULL THEN RAISE EXCEPTION 'not a partitioned table: %', parent; END IF;
  IF to_regclass(format('public.%I', parent || '_' || suffix)) IS NOT NULL THEN RETURN false; END IF;
  BEGIN
    -- The locks the CREATE takes, taken first: the parent waiting (holding nothing, this cannot close a
    -- cycle; lock_timeout bounds it), the others without waiting.
    EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', p::regclass);
    FOR t IN SELECT i.inhrelid FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = p AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT' LOOP
      EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE NOWAIT', t::regclass);
    END LOOP;
    FOR t IN SELECT DISTINCT CASE WHEN f.conrelid = p THEN f.confrelid ELSE f.conrelid END FROM pg_constraint f
              WHERE f.contype = 'f' AND f.conparentid = 0 AND (f.conrelid = p OR f.confrelid = p) AND f.conrelid <> f.confrelid
              ORDER BY 1 LOOP
      EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE NOWAIT', t::regclass);
    END LOOP;
    EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)', parent || '_' || suffix, parent, lo, hi);
    RETURN true;
  EXCEPTION WHEN lock_not_available THEN
    RETURN NULL; -- a lock is held: nothing made, no error in the server's log; the caller tries again
  WHEN duplicate_table THEN
    RETURN false; -- made by another transaction between the check above and the CREATE
  END;
END $$;

-- The previous release's form (partitions only), kept while its processes may still run beside this
-- one's during an upgrade (expand, then contract: docs/operations.md); a later release drops it.
${eachPartitionSql('sys_partition_lock', 'LOCK TABLE public.%I IN ACCESS EXCLUSIVE MODE')}

CREATE OR REPLACE FUNCTION sys_partition_lock(parent text, names text[], nowait boolean) RETURNS text[]
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '${PARENT_LOCK_TIMEOUT_MS}ms' AS $$
DECLARE
  p oid := public.sys_partitioned_parent(parent);
  locked text[] := '{}';
  t text;
BEGIN
  IF p IS NULL THEN RAISE EXCEPTION 'not a partitioned table: %', parent; END IF;
  BEGIN
    -- A block that ends without an error keeps its locks for the rest of the transaction.
    EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', p::regclass) || CASE WHEN nowait THEN ' NOWAIT' ELSE '' END;
    FOR t IN SELECT public.sys_partitions_named(parent, names) LOOP
      EXECUTE format('LOCK TABLE public.%I IN ACCESS EXCLUSIVE MODE NOWAIT', t);
      locked := locked || t;
    END LOOP;
    RETURN locked;
  EXCEPTION WHEN lock_not_available THEN
    RETURN NULL; -- a lock is held: nothing locked, no error in the server's log; the caller tries again
  END;
END $$;

${eachPartitionSql('sys_partition_drop', 'DROP TABLE public.%I')}`;

const FUNCTIONS = [
  'sys_partitioned_parent(text)',
  'sys_partitions_named(text, text[])',
  'sys_partition_create(text, text, uuid, uuid)',
  'sys_partition_lock(text, text[])',
  'sys_partition_lock(text, text[], boolean)',
  'sys_partition_drop(text, text[])',
].join(', ');

/** Lets the application role call the partition functions (and nobody else). */
export const grantPartitions = async (owner: SqlRunner, role: string): Promise<void> => {
  await owner.exec(`REVOKE ALL ON FUNCTION ${FUNCTIONS} FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ${FUNCTIONS} TO ${role}`);
};

/** One partition of a table partitioned by range on an id: `[lo, hi)`, null for MINVALUE/MAXVALUE. */
export interface RangePartition {
  readonly name: string;
  readonly lo: string | null;
  readonly hi: string | null;
  readonly isDefault: boolean;
}

const BOUND = /^FOR VALUES FROM \((MINVALUE|'[0-9a-f-]{36}')\) TO \((MAXVALUE|'[0-9a-f-]{36}')\)$/;
const boundValue = (text: string): string | null => (text.startsWith("'") ? text.slice(1, -1) : null);

/** The partitions of `parent`, ordered by their lower bound (the default one last). */
export const listPartitions = async (runner: SqlRunner, parent: string): Promise<RangePartition[]> => {
  const { rows } = await runner.query<{ name: string; bound: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass('public.' || quote_ident($1))`,
    [parent],
  );
  const parts = rows.map(({ name, bound }): RangePartition => {
    if (bound === 'DEFAULT') return { name, lo: null, hi: null, isDefault: true };
    const match = BOUND.exec(bound);
    if (!match) throw new Error(`Partition ${name} of ${parent} has a bound this code does not read: ${bound}`);
    return { name, lo: boundValue(match[1] ?? ''), hi: boundValue(match[2] ?? ''), isDefault: false };
  });
  const key = (p: RangePartition) => (p.isDefault ? '~' : (p.lo ?? ''));
  return parts.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
};

/** The range partition holding `id`, if any. */
export const partitionOf = (parts: readonly RangePartition[], id: string): RangePartition | undefined =>
  parts.find((p) => !p.isDefault && (p.lo === null || p.lo <= id) && (p.hi === null || id < p.hi));

const DAY_MS = 86_400_000;

/** A length in ms (periods start at its multiples since the epoch), or calendar months (UTC). */
export type PartitionPeriod = number | 'month';

/** `YYYYMM` for months, `YYYYMMDD` for periods of whole days, `YYYYMMDDHHmm` otherwise (UTC). */
export const partitionSuffix = (startMs: number, period: PartitionPeriod): string => {
  const digits = new Date(startMs).toISOString().replace(/[^0-9]/g, '');
  return digits.slice(0, period === 'month' ? 6 : period % DAY_MS === 0 ? 8 : 12);
};

/** The start of the period holding `ms`, and of the one after it. */
const periodAt = (ms: number, period: PartitionPeriod): [number, number] => {
  if (period !== 'month') {
    const start = Math.floor(ms / period) * period;
    return [start, start + period];
  }
  const d = new Date(ms);
  return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
};

export interface EnsureOptions {
  readonly period: PartitionPeriod;
  /** Partitions are made for every period from the one holding `fromMs` to the one holding `toMs`. */
  readonly fromMs: number;
  readonly toMs: number;
  /** The clock (`Date.now()`): a period that has begun gets a partition from a second after it only. */
  readonly nowMs?: number;
}

/** Rows may be arriving in the default partition for a period that has begun: a partition made for it starts this far ahead. */
const BEGUN_MARGIN_MS = 1_000;

/** The free part of `[lo, end)` at its start: past every partition covering its beginning; undefined when none is free. */
const freeRange = (parts: readonly RangePartition[], from: string, end: string): [string, string] | undefined => {
  let lo = from;
  for (let cover = partitionOf(parts, lo); cover; cover = partitionOf(parts, lo)) {
    if (cover.hi === null || cover.hi >= end) return undefined;
    lo = cover.hi;
  }
  const next = parts.find((p) => !p.isDefault && p.lo !== null && p.lo > lo);
  return [lo, next?.lo && next.lo < end ? next.lo : end];
};

/**
 * Creates the missing partitions of `parent` for the periods in the window; returns their names. A
 * period already covered (by a partition of another length, say) is skipped, and one partly covered
 * gets a partition for the part that is free. A period that has begun gets one from a second from
 * now (its earlier rows stay in the default partition). Creating one fails if the default partition
 * holds rows of its range; such a period stays with the default. `runner` is the database, not a
 * transaction: while writers hold a lock a creation needs, it tries again (and throws an error coded
 * 55P03 after ~5 s of them; the next run of the job tries again).
 */
export const ensurePartitions = async (runner: SqlRunner, parent: string, options: EnsureOptions): Promise<string[]> => {
  const created: string[] = [];
  const nowMs = options.nowMs ?? Date.now();
  // Read once; read again only after a partition was made (nothing missing costs one catalogue read).
  let parts = await listPartitions(runner, parent);
  for (let [start, end] = periodAt(options.fromMs, options.period); start <= options.toMs; [start, end] = periodAt(end, options.period)) {
    const from = firstIdAt(start <= nowMs ? Math.min(Math.max(start, nowMs + BEGUN_MARGIN_MS), end) : start);
    const range = freeRange(parts, from, firstIdAt(end));
    if (!range || range[0] >= range[1]) continue;
    const suffix = partitionSuffix(start, options.period);
    if (!(await createPartition(runner, parent, suffix, range[0], range[1]))) continue;
    created.push(`${parent}_${suffix}`);
    parts = await listPartitions(runner, parent);
  }
  return created;
};

/** Tries again while a lock is held, a moment later each time, for ~5 s in all. */
const BUSY_FOR_MS = 5_000;
const busyPauseMs = (attempt: number) => 20 + Math.min(attempt, 10) * 10 + Math.random() * 20;

/**
 * Runs `attempt` until it answers anything but null (null: a lock it needs was held, nothing done),
 * a moment later each time, for ~5 s in all; null when it never did (the job's next run tries again).
 */
export const whileBusy = async <T>(attempt: () => Promise<T | null>): Promise<T | null> => {
  const until = Date.now() + BUSY_FOR_MS;
  for (let n = 1; ; n++) {
    const answer = await attempt();
    if (answer !== null) return answer;
    if (Date.now() >= until) return null;
    await sleep(busyPauseMs(n));
  }
};

/** Raised when writers held a lock the creation needs all along (the job's next run tries again). */
const partitionBusy = (name: string) =>
  Object.assign(new Error(`partition ${name} not made: the tables stayed busy; the next run tries again`), { code: '55P03' });

/** Runs on `runner` outside a transaction: each try is a statement of its own. */
const createPartition = async (runner: SqlRunner, parent: string, suffix: string, lo: string, hi: string): Promise<boolean> => {
  const made = await whileBusy(async () => {
    try {
      const sql = 'SELECT sys_partition_create($1, $2, $3, $4) AS made';
      const { rows } = await runner.query<{ made: boolean | null }>(sql, [parent, suffix, lo, hi]);
      // null: a writer holds a lock the creation needs; the writers go first.
      return rows[0]?.made ?? null;
    } catch (error) {
      // 23514: the default partition holds rows of this range; they stay there.
      if (errorCodeOf(error) === '23514') return false;
      throw error;
    }
  });
  if (made === null) throw partitionBusy(`${parent}_${suffix}`);
  return made;
};

/**
 * Locks `parent` and these partitions of it for the rest of the transaction; returns the names locked,
 * or null when another transaction held one of those tables (nothing locked). Unless `nowait`, it
 * waits a moment for the parent, which only a transaction holding no lock yet may do.
 */
export const lockPartitions = async (
  tx: SqlRunner,
  parent: string,
  names: readonly string[],
  options: { readonly nowait: boolean },
): Promise<string[] | null> => {
  if (names.length === 0) return [];
  const sql = 'SELECT sys_partition_lock($1, $2::text[], $3) AS locked';
  const { rows } = await tx.query<{ locked: string[] | null }>(sql, [parent, [...names], options.nowait]);
  return rows[0]?.locked ?? null;
};

/** Drops these partitions of `parent` (never its default); returns the names dropped. */
export const dropPartitions = async (tx: SqlRunner, parent: string, names: readonly string[]): Promise<string[]> => {
  const { rows } = await tx.query<{ t: string }>('SELECT t FROM sys_partition_drop($1, $2::text[]) AS t', [parent, [...names]]);
  return rows.map((r) => r.t);
};
