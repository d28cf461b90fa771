import type { Database } from '@rustok/db';
import { Gauge, type Registry } from 'prom-client';

/**
 * `rustok_db_replica_up{replica}` (1 while the replica serves reads) and `rustok_db_replica_lag_seconds{replica}`
 * (how far behind the primary at the last check; absent while it does not answer), read at each scrape.
 * Nothing is registered without replicas.
 */
export const registerReplicaGauges = (registry: Registry, db: Database): void => {
  if (!db.replicated) return;
  new Gauge({
    name: 'rustok_db_replica_up',
    help: 'Whether each read replica serves reads (1): it answers and is within database.replica_max_lag_ms',
    labelNames: ['replica'] as const,
    registers: [registry],
    collect() {
      for (const status of db.replicaStatus()) this.set({ replica: status.name }, status.up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'rustok_db_replica_lag_seconds',
    help: 'How far each read replica is behind the primary, measured every database.replica_check_ms',
    labelNames: ['replica'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const status of db.replicaStatus()) if (status.lagMs !== null) this.set({ replica: status.name }, status.lagMs / 1000);
    },
  });
};
