import type { TestPlatform } from '@rustok/testing';

export { caller, expectProblem, ok } from '@rustok/testing';

/** Polls until `probe` returns something truthy; gives its value and how long it took. Fails after `timeoutMs`. */
export const waitFor = async <T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 5_000, what = 'condition') => {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    if (value) return { value, ms: performance.now() - started };
    if (performance.now() - started > timeoutMs) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Waits until the outbox has nothing pending (every event handled). */
export const drained = (p: TestPlatform) =>
  waitFor(
    async () => {
      const { rows } = await p.database.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sys_events WHERE status = 'pending'");
      return rows[0]?.n === 0;
    },
    10_000,
    'an empty outbox',
  );

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  match: string;
  facets?: Record<string, unknown>;
}
