// Statistics and output of the benchmark suites: medians, percentiles, rounding, number formats and
// text tables (no dependencies; bench/lib.mjs re-exports all of it).

export const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** { median, min, max, values } of the numeric values (nulls ignored). */
export const stats = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return {
    median: median(v),
    min: v.length ? Math.min(...v) : null,
    max: v.length ? Math.max(...v) : null,
    values,
  };
};

/** The p-th percentile (nearest rank) of ascending `sorted` values, or null when empty. */
export const percentile = (sorted, p) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export const round = (x, digits = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** A whole number with thousands separators ("20,000"), or null. */
export const fmtInt = (x) => (x === null || x === undefined ? null : Math.round(x).toLocaleString('en-US'));

/** "median (min–max)" of a stats() summary, each value formatted by `f`, or null without values. */
export const fmtRange = (s, f = fmtInt) => (s.median === null ? null : `${f(s.median)} (${f(s.min)}–${f(s.max)})`);

/** Renders { title?, columns: string[], rows: (string|number|null)[][], notes?: string[] } as text. */
export const formatTable = ({ title, columns, rows, notes = [] }) => {
  const cells = [columns, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '-' : String(c))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = columns.map((_, i) =>
    rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number' || /^[\d.,/ -]+$/.test(String(r[i]))),
  );
  const line = (r) =>
    r
      .map((c, i) => (numeric[i] && r !== cells[0] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [];
  if (title) out.push(title);
  out.push(line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) out.push(line(r));
  for (const n of notes) out.push(n);
  return `${out.join('\n')}\n`;
};
