/** The catalog screens' pure helpers: the bulk runner, price arithmetic, options as text (no browser or API needed). */

/** What a bulk action did: how many items it was done for, and the errors of the rest. */
export interface BulkOutcome {
  readonly done: number;
  readonly failures: readonly Error[];
}

/** Runs one call per id, a few at a time; every id is tried, failures are collected rather than stopping the rest. */
export const forEach = async (ids: readonly string[], run: (id: string) => Promise<unknown>): Promise<BulkOutcome> => {
  const queue = [...ids];
  const failures: Error[] = [];
  let done = 0;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift())
      await run(id).then(
        () => done++,
        (e: unknown) => failures.push(e instanceof Error ? e : new Error(String(e))),
      );
  };
  await Promise.all(Array.from({ length: Math.min(4, ids.length) }, worker));
  return { done, failures };
};

/** The base prices scaled by a percentage (e.g. 10 → +10 %, -5 → −5 %), rounded to whole minor units, never below zero. */
export const scaledPrices = <P extends { readonly amount: number }>(prices: readonly P[], percent: number): P[] =>
  prices.map((p) => ({ ...p, amount: Math.max(0, Math.round((p.amount * (100 + percent)) / 100)) }));

/** Options written one per line as "name: value" (the form's text) → the API's record. */
export const parseOptions = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split(':'))
      .filter((parts) => parts.length >= 2 && (parts[0] ?? '').trim())
      .map(([name, ...value]) => [(name ?? '').trim(), value.join(':').trim()]),
  );

export const formatOptions = (options: Readonly<Record<string, string>> | undefined): string =>
  Object.entries(options ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

/** A decimal amount as typed ("27.5") → minor units (2750). */
export const minorUnits = (text: string): number => Math.round(Number(text) * 100);
