import type { Database } from '@rustok/db';
import { firstIdAt } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pruneTenantLogs } from '../src/retention.js';
import { createEndpoint, type WebhookWorld, webhookWorld } from './helpers.js';

const DAY_MS = 86_400_000;
let serial = 0;
/** An id made at `ms` (unique within the test). */
const idAt = (ms: number) => `${firstIdAt(ms).slice(0, 24)}${(++serial).toString(16).padStart(12, '0')}`;

/** A delivery row of `endpointId` made at `ms`, with one attempt; its id. */
const delivery = async (db: Database, tenantId: string, endpointId: string, ms: number, status: string): Promise<string> => {
  const id = idAt(ms);
  await db.transaction(
    async (tx) => {
      await tx.query(
        `INSERT INTO notifications_webhook_deliveries (id, tenant_id, endpoint_id, message_id, event_type, payload, status)
         VALUES ($1::uuid, $2, $3, $1::text, 'commerce.product.updated', '{}', $4)`,
        [id, tenantId, endpointId, status],
      );
      await tx.query(
        `INSERT INTO notifications_webhook_attempts (id, tenant_id, delivery_id, outcome, duration_ms, request_headers)
         VALUES ($1, $2, $3, 'failed', 5, '{}')`,
        [idAt(ms), tenantId, id],
      );
    },
    { tenantId },
  );
  return id;
};

const mail = async (db: Database, tenantId: string, ms: number, status: string): Promise<string> => {
  const id = idAt(ms);
  await db.transaction(
    (tx) =>
      tx.query(
        `INSERT INTO notifications_mails (id, tenant_id, template, locale, recipient, status) VALUES ($1, $2, 'order.confirmation', 'en', 'a@example.com', $3)`,
        [id, tenantId, status],
      ),
    { tenantId },
  );
  return id;
};

const ids = async (db: Database, tenantId: string, table: string): Promise<string[]> =>
  db.transaction(async (tx) => (await tx.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id), { tenantId });

describeEachBackend('delivery and mail log retention', (backend) => {
  let w: WebhookWorld;
  beforeAll(async () => {
    w = await webhookWorld(backend);
  });
  afterAll(() => w?.p.close());

  it("deletes a tenant's finished deliveries (with their attempts) and mails past the retention, nothing pending or newer, nothing of another tenant", async () => {
    const db = w.p.database.db;
    const now = Date.now();
    const old = now - 3 * DAY_MS;
    const endpoint = await createEndpoint(w, { url: 'http://127.0.0.1:9/hooks', eventTypes: ['commerce.product.*'] });
    const gone = [
      await delivery(db, w.tenant.id, endpoint.id, old, 'delivered'),
      await delivery(db, w.tenant.id, endpoint.id, old, 'failed'),
    ];
    const kept = [
      await delivery(db, w.tenant.id, endpoint.id, old, 'pending'),
      await delivery(db, w.tenant.id, endpoint.id, now, 'delivered'),
    ];
    const mailGone = await mail(db, w.tenant.id, old, 'sent');
    const mailsKept = [await mail(db, w.tenant.id, old, 'pending'), await mail(db, w.tenant.id, now, 'bounced')];
    const other = await w.p.createTenant(`other-${Date.now().toString(36)}`);
    const otherMail = await mail(db, other.id, old, 'sent');

    const pruned = await pruneTenantLogs(db, w.tenant.id, { webhooksMs: DAY_MS, mailsMs: DAY_MS, batchSize: 1, now });
    expect(pruned).toEqual({ deliveries: gone.length, mails: 1 });
    expect(await ids(db, w.tenant.id, 'notifications_webhook_deliveries')).toEqual(kept.sort());
    const attempts = await db.transaction(
      async (tx) => (await tx.query<{ delivery_id: string }>('SELECT delivery_id FROM notifications_webhook_attempts')).rows,
      { tenantId: w.tenant.id },
    );
    expect(attempts.map((a) => a.delivery_id).sort()).toEqual(kept.sort());
    expect(await ids(db, w.tenant.id, 'notifications_mails')).not.toContain(mailGone);
    expect(await ids(db, w.tenant.id, 'notifications_mails')).toEqual(expect.arrayContaining(mailsKept));
    expect(await ids(db, other.id, 'notifications_mails')).toEqual([otherMail]);
    // A retention of 0 keeps everything.
    expect(await pruneTenantLogs(db, other.id, { webhooksMs: 0, mailsMs: 0, now })).toEqual({ deliveries: 0, mails: 0 });
    expect(await ids(db, other.id, 'notifications_mails')).toEqual([otherMail]);
  });
});
