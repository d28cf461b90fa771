import { type EventEnvelope, type EventHandlerDeclaration, generateId } from '@rustok/kernel';
import { openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNatsStreaming, type NatsDeadLetter as DeadLetter, deleteStreams, type NatsStreaming } from './index.js';
import {
  eventsModule,
  fixtureModule,
  silentLogger as logger,
  makeEnvelope,
  natsTitle,
  natsUrl,
  recorder,
  uniqueNames,
  waitFor,
} from './test-fixtures/streaming.js';

const url = natsUrl();
const names = uniqueNames();
const tenantId = generateId();
const envelope = (type: string) => makeEnvelope(tenantId, type);

describe.skipIf(!url)(natsTitle('NATS JetStream streaming'), () => {
  const N = 40;
  let t: TestDatabase;
  let a: NatsStreaming;
  let b: NatsStreaming;
  const handled = async (consumer: string) =>
    (
      await t.db.query<{ instance: string; n: number }>(
        'SELECT instance, count(*)::int AS n FROM fixture_handled WHERE consumer = $1 GROUP BY instance',
        [consumer],
      )
    ).rows;
  const total = async (consumer: string) => (await handled(consumer)).reduce((sum, r) => sum + r.n, 0);
  const receipts = async (consumer: string) =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sys_event_receipts WHERE consumer = $1', [consumer])).rows[0]?.n;
  const domainMessages = async () => (await a.jsm.streams.info(a.subjects.streams.domain)).state.messages;
  const items = Array.from({ length: N }, () => envelope('fixture.item.created'));

  beforeAll(async () => {
    t = await openTestDatabase({ name: 'pglite' }, [eventsModule, fixtureModule]);
    const options = { url: url ?? '', logger, ...names, reconnectTimeWaitMs: 100 };
    a = await connectNatsStreaming({ ...options, name: 'instance-a' });
    b = await connectNatsStreaming({ ...options, name: 'instance-b' });
  });
  afterAll(async () => {
    if (a) await deleteStreams(a.jsm, a.subjects);
    await a?.close();
    await b?.close();
    await t?.cleanup();
  });

  it('splits a durable group between two processes: each event handled exactly once', async () => {
    const opts = { group: 'g1_', dispatcher: { db: t.db }, batch: 4, ackWaitMs: 2_000 };
    const ca = await a.startConsumers({ ...opts, handlers: [recorder('fixture.record', 'a')] });
    const cb = await b.startConsumers({ ...opts, handlers: [recorder('fixture.record', 'b')] });
    expect(ca.durables).toEqual([`${names.streamPrefix}_DOMAIN/g1_fixture_record`]);
    await new Promise((r) => setTimeout(r, 100));

    const results = await a.sink.deliver(items);
    expect([...results.values()].every((r) => r.ok)).toBe(true);
    await waitFor(async () => (await total('fixture.record')) === N);
    // Every delivery is acknowledged (on a loaded machine a redelivery after ackWait may still be in flight).
    const outstanding = async () => {
      const info = await a.jsm.consumers.info(a.subjects.streams.domain, 'g1_fixture_record');
      return info.num_pending + info.num_ack_pending;
    };
    await waitFor(async () => (await outstanding()) === 0);
    await Promise.all([ca.stop(), cb.stop()]);

    const perInstance = Object.fromEntries((await handled('fixture.record')).map((r) => [r.instance, r.n]));
    expect(perInstance.a).toBeGreaterThan(0);
    expect(perInstance.b).toBeGreaterThan(0);
    expect(await receipts('fixture.record')).toBe(N);
    expect(await outstanding()).toBe(0);
  });

  it('replays every stored event to a new group from the start', async () => {
    const group = await b.startReplayGroup({
      group: 'g2_',
      reset: true,
      dispatcher: { db: t.db },
      handlers: [recorder('fixture.rebuild', 'b')],
    });
    await waitFor(async () => (await total('fixture.rebuild')) === N);
    await group.stop();
    expect(await receipts('fixture.rebuild')).toBe(N);
  });

  it('stores an event published twice once (Nats-Msg-Id deduplication)', async () => {
    const before = await domainMessages();
    const event = envelope('fixture.dedup.created');
    const first = await a.sink.deliver([event]);
    const second = await b.sink.deliver([{ ...event, retryCount: 1 }]);
    expect(first.get(event.id)).toEqual({ ok: true });
    expect(second.get(event.id)).toEqual({ ok: true });
    expect(await domainMessages()).toBe(before + 1);
  });

  it('replays stored events from a stream sequence and from a time, optionally by type', async () => {
    const fromSequence = (await a.jsm.streams.info(a.subjects.streams.domain)).state.last_seq + 1;
    const early = [envelope('fixture.other.created'), envelope('fixture.other.updated'), envelope('fixture.item.created')];
    await a.sink.deliver(early);
    await new Promise((r) => setTimeout(r, 50));
    const fromTime = new Date();
    await new Promise((r) => setTimeout(r, 50));
    const late = [envelope('fixture.other.created'), envelope('fixture.other.deleted')];
    await a.sink.deliver(late);

    const seen: string[] = [];
    const bySequence = await a.replay({ fromSequence, onEvent: (e) => void seen.push(e.id) });
    expect(seen).toEqual([...early, ...late].map((e) => e.id));
    expect(bySequence).toEqual({ delivered: 5, lastSequence: fromSequence + 4 });

    const byTime: string[] = [];
    await b.replay({ fromTime, onEvent: (e) => void byTime.push(e.id) });
    expect(byTime).toEqual(late.map((e) => e.id));

    const byType: string[] = [];
    await a.replay({ fromSequence, types: ['fixture.other.*'], onEvent: (e) => void byType.push(e.type) });
    expect(byType).toEqual(['fixture.other.created', 'fixture.other.updated', 'fixture.other.created', 'fixture.other.deleted']);
    const all: EventEnvelope[] = [];
    await a.replay({ types: ['fixture.item.created'], onEvent: (e) => void all.push(e) });
    expect(all).toHaveLength(N + 1);

    const none = await a.replay({ fromSequence: fromSequence + 1_000, onEvent: () => {} });
    expect(none).toEqual({ delivered: 0, lastSequence: 0 });
  });

  it('gives a handler with several types exactly those types (several filters, or the whole stream on older servers)', async () => {
    const consumers = await b.startConsumers({
      group: 'g4_',
      startFrom: 'new',
      handlers: [recorder('fixture.multi', 'b', ['fixture.multi.a', 'fixture.multi.b'])],
      dispatcher: { db: t.db },
    });
    const events = ['fixture.multi.a', 'fixture.multi.c', 'fixture.multi.b'].map((type) => envelope(type));
    await a.sink.deliver(events);
    await waitFor(async () => {
      const info = await b.jsm.consumers.info(b.subjects.streams.domain, 'g4_fixture_multi');
      return (await total('fixture.multi')) === 2 && info.num_pending + info.num_ack_pending === 0;
    });
    await consumers.stop();
    const ids = (await t.db.query<{ event_id: string }>("SELECT event_id FROM fixture_handled WHERE consumer = 'fixture.multi'")).rows.map(
      (r) => r.event_id,
    );
    expect(ids.sort()).toEqual([events[0]?.id, events[2]?.id].sort());
  });

  it('moves an event whose handler always fails to the dead letters after maxDeliver, with its error', async () => {
    const broken: EventHandlerDeclaration = {
      consumer: 'fixture.broken',
      types: ['fixture.poison.*'],
      handle: async () => {
        throw new Error('boom: cannot handle');
      },
    };
    const consumers = await a.startConsumers({
      group: 'g3_',
      handlers: [broken],
      dispatcher: { db: t.db, handlerRetries: 0 },
      maxDeliver: 3,
      ackWaitMs: 1_000,
      backoffMs: 50,
    });
    const poison = envelope('fixture.poison.created');
    await a.sink.deliver([poison]);
    const dlq = await a.jsm.streams.get(a.subjects.streams.dlq);
    const subject = a.subjects.deadLetterSubjectFor(poison);
    let letter: DeadLetter | undefined;
    await waitFor(async () => {
      letter = (await dlq.getMessage({ last_by_subj: subject }))?.json<DeadLetter>();
      return letter !== undefined;
    });
    await consumers.stop();
    expect(letter).toMatchObject({ consumer: 'fixture.broken', deliveries: 3, envelope: { id: poison.id, type: poison.type } });
    expect(letter?.error).toMatch(/boom: cannot handle/);
    // Terminated: nothing pending or waiting for an ack any more (acks are applied asynchronously).
    await waitFor(async () => {
      const info = await a.jsm.consumers.info(a.subjects.streams.domain, 'g3_fixture_broken');
      return info.num_pending + info.num_ack_pending === 0 && info.delivered.consumer_seq === 3;
    }, 3_000);
    expect(await receipts('fixture.broken')).toBe(0);
  });
});
