// The server's own account of a measured stretch, read off its /metrics (prom-client's default
// metrics): the event loop's longest delay (reset at every scrape, so a scrape before the stretch
// starts its window), the garbage collections by kind (counts and time, over 10 ms and over 100 ms),
// and the GET requests the server itself timed over 50 and 100 ms (from its request histogram). A
// stall the load generator sees but the server did not time is outside the server.

const METRIC =
  /^rustok_(nodejs_eventloop_lag_max_seconds|nodejs_gc_duration_seconds_(?:count|sum|bucket)|http_request_duration_seconds_(?:count|bucket))(?:\{([^}]*)\})? ([0-9.e+-]+)$/;

/** The metrics of interest: { lagMaxMs, gc: { [kind]: { count, sumMs, over10ms, over100ms } } } (cumulative GC figures). */
const scrape = async (base) => {
  const text = await (await fetch(`${base}/metrics`)).text();
  const gc = {};
  const gets = { count: 0, upTo50ms: 0, upTo100ms: 0 };
  let lagMaxMs = 0;
  for (const line of text.split('\n')) {
    const m = METRIC.exec(line);
    if (!m) continue;
    const [, name, labels = '', raw] = m;
    const value = Number(raw);
    if (name === 'nodejs_eventloop_lag_max_seconds') {
      lagMaxMs = value * 1000;
      continue;
    }
    if (name.startsWith('http_')) {
      if (!labels.includes('method="GET"') || labels.includes('route="/metrics"')) continue;
      if (name.endsWith('_count')) gets.count += value;
      else if (labels.includes('le="0.05"')) gets.upTo50ms += value;
      else if (labels.includes('le="0.1"')) gets.upTo100ms += value;
      continue;
    }
    const kind = /kind="([^"]+)"/.exec(labels)?.[1] ?? 'all';
    gc[kind] ??= { count: 0, sumMs: 0, upTo10ms: 0, upTo100ms: 0 };
    const k = gc[kind];
    if (name.endsWith('_count')) k.count = value;
    else if (name.endsWith('_sum')) k.sumMs = value * 1000;
    else if (labels.includes('le="0.01"')) k.upTo10ms = value;
    else if (labels.includes('le="0.1"')) k.upTo100ms = value;
  }
  return { lagMaxMs, gc, gets };
};

/** Starts a window on the server at `base`; `end()` resolves what happened in it. */
export const loopProbe = async (base) => {
  const before = await scrape(base);
  return {
    end: async () => {
      const after = await scrape(base);
      const gc = {};
      for (const [kind, a] of Object.entries(after.gc)) {
        const b = before.gc[kind] ?? { count: 0, sumMs: 0, upTo10ms: 0, upTo100ms: 0 };
        const count = a.count - b.count;
        if (count === 0) continue;
        gc[kind] = {
          count,
          ms: Math.round(a.sumMs - b.sumMs),
          over10ms: count - (a.upTo10ms - b.upTo10ms),
          over100ms: count - (a.upTo100ms - b.upTo100ms),
        };
      }
      const count = after.gets.count - before.gets.count;
      const gets = {
        count,
        over50ms: count - (after.gets.upTo50ms - before.gets.upTo50ms),
        over100ms: count - (after.gets.upTo100ms - before.gets.upTo100ms),
      };
      return { loopLagMaxMs: Math.round(after.lagMaxMs), gc, gets };
    },
  };
};
