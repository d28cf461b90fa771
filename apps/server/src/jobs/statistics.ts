import type {} from '@rustok/api';
import { analyzeStaleTables, vacuumDeadTables } from '@rustok/db';
import type { ModuleJob } from '@rustok/kernel';

/** Short, so a fresh database whose tables fill fast has statistics within seconds; a run that finds nothing costs one read of the statistics views. */
const STATISTICS_EVERY_MS = 10_000;

/**
 * Keeps planner statistics fresh where nothing else does: on the embedded database (no autovacuum)
 * and on PostgreSQL for tables autovacuum leaves alone (autovacuum off for the server or the
 * table). A table is analyzed once more rows changed since its last analyze than autovacuum would
 * wait for (50 + 10% of its rows). Without it, a fresh database's outbox and index tables keep the
 * plans made while they were empty, and the event-fed index can fall behind for good.
 *
 * Where the server lets the application vacuum (the MAINTAIN privilege: the embedded database), it
 * also vacuums the tables with more dead rows than autovacuum would leave (50 + 20% of their rows):
 * the embedded database would otherwise keep every updated row's old versions for good.
 */
export const statisticsJob: ModuleJob = {
  name: 'statistics',
  everyMs: STATISTICS_EVERY_MS,
  run: async ({ db, logger }) => {
    const options = { everyTable: db.kind === 'pglite' };
    const started = performance.now();
    const vacuumed = await vacuumDeadTables(db, options);
    if (vacuumed.length > 0) logger.info({ tables: vacuumed, ms: Math.round(performance.now() - started) }, 'tables vacuumed');
    const analyzing = performance.now();
    const analyzed = await analyzeStaleTables(db, options);
    if (analyzed.length > 0) logger.info({ tables: analyzed, ms: Math.round(performance.now() - analyzing) }, 'tables analyzed');
  },
};
