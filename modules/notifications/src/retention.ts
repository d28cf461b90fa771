import type {} from '@rustok/api';
import { type Database, deleteInBatches } from '@rustok/db';
import { type Config, firstIdAt, type ModuleJob } from '@rustok/kernel';
import { mailOptions, webhookOptions } from './options.js';

const BATCH = 5_000;

/** Finished deliveries (delivered, failed, cancelled) made before the cutoff; their attempts go with them (cascade). */
const DELETE_DELIVERIES = `WITH gone AS (DELETE FROM notifications_webhook_deliveries WHERE id IN (
  SELECT d.id FROM notifications_webhook_deliveries d
   WHERE d.tenant_id = $1 AND d.endpoint_id IN (SELECT id FROM notifications_webhook_endpoints WHERE tenant_id = $1)
     AND d.id < $2 AND d.status <> 'pending'
   LIMIT $3) RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

/** Sent, failed and bounced mails made before the cutoff (pending ones stay until they are sent or give up). */
const DELETE_MAILS = `WITH gone AS (DELETE FROM notifications_mails WHERE id IN (
  SELECT id FROM notifications_mails WHERE tenant_id = $1 AND id < $2 AND status <> 'pending' LIMIT $3) RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

export interface LogRetention {
  /** Keep finished webhook deliveries this long; 0 keeps them. */
  readonly webhooksMs: number;
  /** Keep the send log's finished mails this long; 0 keeps them. */
  readonly mailsMs: number;
  readonly batchSize?: number;
  readonly now?: number;
}

/** One tenant's finished delivery and mail log entries past the retention, deleted in its transaction. */
export const pruneTenantLogs = (db: Database, tenantId: string, retention: LogRetention) =>
  db.transaction(
    async (tx) => {
      const now = retention.now ?? Date.now();
      const batch = retention.batchSize ?? BATCH;
      const deliveries =
        retention.webhooksMs > 0
          ? await deleteInBatches(tx, DELETE_DELIVERIES, [tenantId, firstIdAt(now - retention.webhooksMs)], { batch })
          : 0;
      const mails =
        retention.mailsMs > 0 ? await deleteInBatches(tx, DELETE_MAILS, [tenantId, firstIdAt(now - retention.mailsMs)], { batch }) : 0;
      return { deliveries, mails };
    },
    { tenantId },
  );

const retentionOf = (config: Config): LogRetention => ({
  webhooksMs: webhookOptions(config).log_retention_ms,
  mailsMs: mailOptions(config).log_retention_ms,
});

/** Once an hour for the deployment: every tenant's delivery and mail logs kept to their retention. */
export const logRetentionJob: ModuleJob = {
  name: 'log-retention',
  everyMs: 3_600_000,
  enabled: (config) => {
    const r = retentionOf(config);
    return r.webhooksMs > 0 || r.mailsMs > 0;
  },
  run: async ({ db, config, logger }) => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM tenants ORDER BY id');
    const retention = retentionOf(config);
    let deliveries = 0;
    let mails = 0;
    for (const { id } of rows) {
      const pruned = await pruneTenantLogs(db, id, retention);
      deliveries += pruned.deliveries;
      mails += pruned.mails;
    }
    if (deliveries + mails > 0) logger.info({ deliveries, mails }, 'delivery and mail logs pruned');
  },
};
