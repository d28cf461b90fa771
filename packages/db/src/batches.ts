import type { SqlRunner } from '@rustok/kernel';

export interface BatchOptions {
  /** Rows per statement: each statement stays short, so it never holds its table for long. */
  readonly batch: number;
  /** Start no new statement after this `performance.now()`; the caller's next run goes on. */
  readonly deadline?: number;
}

/**
 * Runs `sql`, a statement that deletes at most `batch` rows and answers `n` (the rows it deleted),
 * until a run comes back short or the deadline has passed; the total deleted. The statement takes
 * `params` and then the batch size as its last parameter.
 */
export const deleteInBatches = async (
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[],
  options: BatchOptions,
): Promise<number> => {
  let total = 0;
  for (;;) {
    const { rows } = await runner.query<{ n: number }>(sql, [...params, options.batch]);
    const deleted = rows[0]?.n ?? 0;
    total += deleted;
    if (deleted < options.batch || performance.now() > (options.deadline ?? Number.POSITIVE_INFINITY)) return total;
  }
};
