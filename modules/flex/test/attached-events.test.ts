import { caller, describeEachBackend, ok, outboxEvents, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { flexFieldsOf } from '../src/contracts.js';
import { attachedPlatform, type Headers, storedValues, type TenantObjects, tenantOf } from './attached-fixtures.js';

const VALUES_EVENTS = "type LIKE 'flex.values.%'";

describeEachBackend('flex attached fieldsets: events and deletions', (backend) => {
  let p: TestPlatform;
  let a: TenantObjects;
  let b: TenantObjects;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const put = (headers: Headers, path: string, values: Record<string, unknown>) =>
    ok(call('PUT', `/flex/attached/${path}`, headers, { values }));
  const valuesEvents = (tenantId: string, entityId: string) =>
    outboxEvents(p, tenantId, VALUES_EVENTS, (payload) => payload.entityId === entityId);
  /** Waits until the entity's outbox holds `count` flex.values.deleted events (the handlers run after the relay delivers). */
  const deletedEvents = async (tenantId: string, entityId: string, count: number) => {
    for (let waited = 0; waited < 10_000; waited += 50) {
      await p.bus.relay?.runOnce();
      const deleted = (await valuesEvents(tenantId, entityId)).filter((e) => e.type === 'flex.values.deleted');
      if (deleted.length >= count) return deleted;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`fewer than ${count} flex.values.deleted events for ${entityId}`);
  };
  const product = async (tenantAdmin: Headers) =>
    (
      await ok<{ id: string }>(
        call('POST', '/commerce/products', tenantAdmin, {
          title: 'Lamp',
          status: 'published',
          variants: [{ title: 'Default', prices: [{ amount: 500, currencyCode: 'USD' }] }],
        }),
        201,
      )
    ).id;

  beforeAll(async () => {
    p = await attachedPlatform(backend);
    a = await tenantOf(p, 'flex-attached-events-a');
    b = await tenantOf(p, 'flex-attached-events-b');
  });
  afterAll(() => p?.close());

  it('publishes flex.values.updated with the public values only, and flex.values.deleted on removal, in the write transaction', async () => {
    await put(a.admin, `product/${a.product}/specs`, { color: 'red', weight: 120, material: { en: 'oak' } });
    await put(a.admin, `product/${a.product}/care`, { supplier_note: 'secret' });
    await ok(call('DELETE', `/flex/attached/product/${a.product}/care`, a.admin), 204);
    const events = await valuesEvents(a.tenant.id, a.product);
    expect(events.map((e) => [e.type, e.payload.schema])).toEqual([
      ['flex.values.updated', 'specs'],
      ['flex.values.updated', 'care'],
      ['flex.values.deleted', 'care'],
    ]);
    expect(events[0]?.payload).toMatchObject({
      target: 'product',
      entityId: a.product,
      schemaVersion: 1,
      publicValues: { color: 'red', material: { en: 'oak' } },
    });
    expect(events[1]?.payload.publicValues).toEqual({});
    expect(events[2]?.payload).toEqual({ target: 'product', entityId: a.product, schemaId: events[1]?.payload.schemaId, schema: 'care' });
    expect(await valuesEvents(b.tenant.id, a.product)).toEqual([]);
  });

  it("removes a product's fieldsets when commerce deletes the product, each with flex.values.deleted", async () => {
    const lamp = await product(a.admin);
    const other = await product(a.admin);
    await put(a.admin, `product/${lamp}/specs`, { color: 'blue' });
    await put(a.admin, `product/${lamp}/care`, { instructions: '<p>dust</p>' });
    await put(a.admin, `product/${other}/specs`, { color: 'red' });
    await ok(call('DELETE', `/commerce/products/${lamp}`, a.admin), 204);
    const deleted = await deletedEvents(a.tenant.id, lamp, 2);
    expect(deleted.map((e) => e.payload.schema).sort()).toEqual(['care', 'specs']);
    expect(await storedValues(p, a.tenant.id, lamp)).toEqual([]);
    expect(await storedValues(p, a.tenant.id, other)).toEqual([{ schema: 'specs' }]);
    // Delivered again, the deleted event finds nothing left and publishes nothing.
    await p.database.db.query(
      "UPDATE sys_events SET status = 'pending', attempts = 0 WHERE tenant_id = $1 AND type = 'commerce.product.deleted'",
      [a.tenant.id],
    );
    await p.bus.relay?.runOnce();
    expect(await deletedEvents(a.tenant.id, lamp, 2)).toHaveLength(2);
  });

  it("removes a content node's fieldset when content deletes the node, and those of its subtree", async () => {
    const parent = await ok<{ id: string }>(call('POST', '/content/nodes', a.admin, { kind: 'post', title: 'Parent' }), 201);
    const child = await ok<{ id: string }>(
      call('POST', '/content/nodes', a.admin, { kind: 'post', title: 'Child', parentId: parent.id }),
      201,
    );
    await put(a.admin, `content_node/${parent.id}/post-extras`, { mood: 'calm' });
    await put(a.admin, `content_node/${child.id}/post-extras`, { mood: 'glad' });
    await put(a.admin, `content_node/${a.post}/post-extras`, { mood: 'kept' });
    await ok(call('DELETE', `/content/nodes/${parent.id}`, a.admin), 204);
    expect((await deletedEvents(a.tenant.id, parent.id, 1)).map((e) => e.payload.schema)).toEqual(['post-extras']);
    expect(await deletedEvents(a.tenant.id, child.id, 1)).toHaveLength(1);
    expect(await storedValues(p, a.tenant.id, child.id)).toEqual([]);
    expect(await storedValues(p, a.tenant.id, a.post)).toEqual([{ schema: 'post-extras' }]);
  });

  it("deleting a schema removes its fieldsets with flex.values.deleted for each, and leaves the other schemas' values", async () => {
    const second = await product(b.admin);
    await put(b.admin, `product/${b.product}/care`, { supplier_note: 'x' });
    await put(b.admin, `product/${second}/care`, { supplier_note: 'y' });
    await put(b.admin, `product/${second}/specs`, { color: 'red' });
    await ok(call('DELETE', '/flex/schemas/care', b.admin), 204);
    for (const entity of [b.product, second]) {
      const deleted = (await valuesEvents(b.tenant.id, entity)).filter((e) => e.type === 'flex.values.deleted');
      expect(deleted.map((e) => e.payload)).toEqual([
        { target: 'product', entityId: entity, schemaId: expect.any(String), schema: 'care' },
      ]);
    }
    expect(await storedValues(p, b.tenant.id, second)).toEqual([{ schema: 'specs' }]);
    expect(await storedValues(p, a.tenant.id, a.product)).toEqual([{ schema: 'specs' }]);
  });

  it("gives read models the public fields of the tenant's schemas attached to a target", async () => {
    const fields = await p.database.db.transaction((tx) => flexFieldsOf(tx, 'product'), { tenantId: a.tenant.id });
    expect(fields).toEqual([
      {
        schema: 'care',
        key: 'instructions',
        type: 'rich_text',
        list: false,
        localized: false,
        filterable: false,
        sortable: false,
        searchable: false,
      },
      { schema: 'specs', key: 'color', type: 'enum', list: false, localized: false, filterable: true, sortable: false, searchable: false },
      {
        schema: 'specs',
        key: 'material',
        type: 'text',
        list: false,
        localized: true,
        filterable: false,
        sortable: false,
        searchable: true,
      },
    ]);
    const nodes = await p.database.db.transaction((tx) => flexFieldsOf(tx, 'content_node'), { tenantId: a.tenant.id });
    expect(nodes.map((f) => `${f.schema}.${f.key}`)).toEqual(['post-extras.mood']);
    const ofB = await p.database.db.transaction((tx) => flexFieldsOf(tx, 'product'), { tenantId: b.tenant.id });
    expect(ofB.map((f) => `${f.schema}.${f.key}`)).toEqual(['specs.color', 'specs.material']);
  });
});
