// Result tables of the storefront suite.
import { fmtInt } from '../lib.mjs';

export const tablesOf = (scenarios, o, notes) => {
  const rows = [];
  for (const [name, s] of Object.entries(scenarios)) {
    for (const [key, r] of Object.entries(s.results)) {
      const vs =
        key === 'graphql' ? `${s.graphqlPercentOfRest}% of REST list` : key.startsWith('bare') ? null : `${s.percentOfBare[key]}% of bare`;
      rows.push([
        `${name} (${fmtInt(s.products)} products, ${s.tenants} tenant${s.tenants > 1 ? 's' : ''})`,
        r.label,
        fmtInt(r.requestsPerSecond),
        r.p50Ms,
        r.p99Ms,
        vs,
      ]);
    }
  }
  const tables = [
    {
      title: `storefront: autocannon -c ${o.connections} -d ${o.durationS} on PostgreSQL`,
      columns: ['catalog', 'route', 'req/s', 'p50 ms', 'p99 ms', 'vs'],
      rows,
      notes: [],
    },
  ];
  const writes = scenarios.single?.writes;
  if (writes) {
    const met = (ms) => (ms !== null && ms <= 250 ? 'met' : 'missed');
    const rows = writes.flatMap((w) => {
      const how = w.mode === 'direct' ? 'write model + event in one transaction (no HTTP)' : 'PATCH /api/v1/commerce/products/{id}';
      return [
        [
          how,
          `${w.achievedRate}/s`,
          'index row written − event occurredAt (every write)',
          w.database.count,
          w.database.p50Ms,
          w.database.p99Ms,
          w.database.maxMs,
          met(w.database.p99Ms),
        ],
        [
          how,
          `${w.achievedRate}/s`,
          'commit → found by /store/products?q= (every 10th write, ≤ 4 probes, 10 ms polls)',
          w.http.count,
          w.http.p50Ms,
          w.http.p99Ms,
          w.http.maxMs,
          met(w.http.p99Ms),
        ],
      ];
    });
    tables.push({
      title: `storefront: write → searchable at ${o.writeRate} product writes/s for ${o.writeDurationS} s, each on another product`,
      columns: ['writes through', 'achieved', 'measured as', 'count', 'p50 ms', 'p99 ms', 'max ms', 'p99 ≤ 250 ms'],
      rows,
      notes: [],
    });
  }
  tables.at(-1).notes.push(...notes);
  return tables;
};
