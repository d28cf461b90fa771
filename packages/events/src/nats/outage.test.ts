import { generateId } from '@rustok/kernel';
import { startTcpProxy } from '@rustok/testing';
import { describe, expect, it } from 'vitest';
import { connectNatsStreaming, deleteStreams } from './index.js';
import { silentLogger as logger, makeEnvelope, natsTitle, natsUrl, uniqueNames, waitFor } from './test-fixtures/streaming.js';

const url = natsUrl();
const tenantId = generateId();
const envelope = (type: string) => makeEnvelope(tenantId, type);

describe.skipIf(!url)(natsTitle('NATS streaming through an outage'), () => {
  it('reports transient failures while NATS is unreachable and publishes again once it is back', async () => {
    const target = new URL(url ?? '');
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 4222));
    const c = await connectNatsStreaming({
      url: `nats://127.0.0.1:${proxy.port}`,
      logger,
      ...uniqueNames(),
      reconnectTimeWaitMs: 100,
      publishTimeoutMs: 500,
    });
    try {
      const before = envelope('fixture.outage.created');
      expect((await c.sink.deliver([before])).get(before.id)).toEqual({ ok: true });
      expect(await c.healthCheck()).toEqual({ status: 'ok' });

      await proxy.cut();
      await waitFor(() => !c.sink.available(), 5_000);
      const during = envelope('fixture.outage.created');
      expect((await c.sink.deliver([during])).get(during.id)).toMatchObject({ ok: false, transient: true, consumers: [] });
      expect(await c.healthCheck()).toMatchObject({ status: 'unavailable', reason: expect.any(String) });

      await proxy.restore();
      await waitFor(() => c.sink.available(), 5_000);
      expect((await c.sink.deliver([during])).get(during.id)).toEqual({ ok: true });
      expect(await c.healthCheck()).toEqual({ status: 'ok' });
      const stored: string[] = [];
      await c.replay({ types: ['fixture.outage.*'], onEvent: (e) => void stored.push(e.id) });
      expect(stored).toEqual([before.id, during.id]);
      await deleteStreams(c.jsm, c.subjects);

      // Closing while NATS is away does not hang.
      await proxy.cut();
      await waitFor(() => !c.isConnected(), 5_000);
      const started = Date.now();
      await c.close();
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(c.nc.isClosed()).toBe(true);
    } finally {
      await c.close();
      await proxy.close();
    }
  });
});
