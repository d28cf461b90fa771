// Result tables of the storefront suite.
import { fmtInt } from '../lib.mjs';

const scenarioLabel = (name, s) => `${name} (${fmtInt(s.products)} products, ${s.tenants} tenant${s.tenants > 1 ? 's' : ''})`;

const versus = (s, key) => {
  if (key === 'graphql') return `${s.graphqlPercentOfRest}% of REST list`;
  if (key === 'embedded-list') return `${s.percentOfDirect.list}% of direct (${s.percentOfDirect.list >= 70 ? 'met' : 'missed'})`;
  if (key === 'direct-list') return null;
  return key.startsWith('bare') || key.startsWith('ceiling') ? null : `${s.percentOfBare[key]}% of bare`;
};

/** Share of the ceiling's route, and whether it meets the target (60%, GraphQL 50%). */
const ofCeiling = (s, key) => {
  const share = s.percentOfCeiling?.[key];
  if (share === undefined) return null;
  return `${share}% (${share >= (key === 'graphql' ? 50 : 60) ? 'met' : 'missed'})`;
};

const readTable = (scenarios, o) => {
  const rows = [];
  for (const [name, s] of Object.entries(scenarios)) {
    for (const [key, r] of Object.entries(s.results)) {
      rows.push([scenarioLabel(name, s), r.label, fmtInt(r.requestsPerSecond), r.p50Ms, r.p99Ms, versus(s, key), ofCeiling(s, key)]);
    }
  }
  return {
    title: `storefront: autocannon -c ${o.connections} -d ${o.durationS} on PostgreSQL (embedded: PGlite, target 70% of the direct statement)`,
    columns: ['catalog', 'route', 'req/s', 'p50 ms', 'p99 ms', 'vs', 'of ceiling'],
    rows,
    notes: [],
  };
};

const met = (ms) => (ms !== null && ms <= 250 ? 'met' : 'missed');

const writeRows = (w) => {
  const how = w.mode === 'direct' ? 'write model + event in one transaction (no HTTP)' : 'PATCH /api/v1/commerce/products/{id}';
  const row = (what, s) => [how, `${w.achievedRate}/s`, what, s.count, s.p50Ms, s.p99Ms, s.maxMs, met(s.p99Ms)];
  return [
    row('index row written − event occurredAt (every write)', w.database),
    row(
      `commit → found by /store/products?q= (every 10th write, ≤ ${w.probing.probes} probe(s) at a time, ${w.probing.pollMs} ms polls)`,
      w.http,
    ),
  ];
};

export const tablesOf = (scenarios, o, notes) => {
  const tables = Object.values(scenarios).some((s) => Object.keys(s.results).length > 0) ? [readTable(scenarios, o)] : [];
  const writes = scenarios.single?.writes ?? scenarios.writes?.writes;
  if (writes) {
    tables.push({
      title: `storefront: write → searchable at ${o.writeRate} product writes/s for ${o.writeDurationS} s (or the products half the catalog has), each on another product, after ${o.writeWarmupS} s of unmeasured writes at that rate`,
      columns: ['writes through', 'achieved', 'measured as', 'count', 'p50 ms', 'p99 ms', 'max ms', 'p99 ≤ 250 ms'],
      rows: writes.flatMap(writeRows),
      notes: [],
    });
  }
  if (writes) {
    const batches = writes.map((w) => {
      const r = w.relay;
      return `${w.mode}: ${r.batches} relay batches of ${r.eventsPerBatch} events on average, each claim ${r.claimMs} ms, deliver ${r.deliverMs} ms, settle ${r.settleMs} ms`;
    });
    tables.at(-1).notes.push(`relay (the relaying process's /metrics over each measurement): ${batches.join('; ')}`);
  }
  tables.at(-1).notes.push(...notes);
  return tables;
};
