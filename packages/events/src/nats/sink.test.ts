import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { type EventEnvelope, generateId } from '@rustok/kernel';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { testEnvelope } from '../test-fixtures/envelope.js';
import { createNatsSink } from './sink.js';
import { createSubjects, withoutOverlaps } from './subjects.js';

const tenantId = generateId();
const envelope = (type: string): EventEnvelope => testEnvelope({ type, tenantId });

type Publish = (subject: string, data: string, opts: { msgID: string; timeout: number }) => Promise<PubAck>;
const fakeJs = (publish: Publish): JetStreamClient => ({ publish }) as unknown as JetStreamClient;
const ack = (seq: number): PubAck => ({ stream: 'S', seq, duplicate: false, domain: '' }) as PubAck;
const logger = pino({ level: 'silent' });

describe('NATS subjects', () => {
  const subjects = createSubjects({ root: 'tx', streamPrefix: 'TX' });

  it('names streams and routes domain, system and dead-letter subjects by tenant and type', () => {
    expect(subjects.streams).toEqual({ domain: 'TX_DOMAIN', system: 'TX_SYSTEM', dlq: 'TX_DLQ' });
    expect(subjects.subjectFor({ tenantId: 't1', type: 'commerce.product.created' })).toBe('tx.domain.t1.commerce.product.created');
    expect(subjects.subjectFor({ tenantId: 't1', type: 'system.tenant.created' })).toBe('tx.system.t1.system.tenant.created');
    expect(subjects.deadLetterSubjectFor({ tenantId: 't1', type: 'a.b.c' })).toBe('tx.dlq.t1.a.b.c');
  });

  it('derives filter subjects per stream, without overlaps, and durable names', () => {
    const filters = subjects.filtersFor(['commerce.product.*', 'commerce.product.created', 'blog.post.published', 'system.tenant.*']);
    expect(Object.fromEntries(filters)).toEqual({
      TX_DOMAIN: ['tx.domain.*.commerce.product.>', 'tx.domain.*.blog.post.published'],
      TX_SYSTEM: ['tx.system.*.system.tenant.>'],
    });
    expect(withoutOverlaps(['a.*', 'a.b.*', 'a.b.c', 'b.c.d', 'b.c.d'])).toEqual(['a.*', 'b.c.d']);
    // `*`: every domain event, never the system stream's.
    expect(Object.fromEntries(subjects.filtersFor(['*', 'blog.post.published', 'system.tenant.*']))).toEqual({
      TX_DOMAIN: ['tx.domain.*.>'],
      TX_SYSTEM: ['tx.system.*.system.tenant.>'],
    });
    expect(subjects.durableName('search.index_products', 'g2_')).toBe('g2_search_index_products');
  });

  it('refuses a root or prefix that is not one subject token', () => {
    expect(() => createSubjects({ root: 'a.b' })).toThrow(/root/);
    expect(() => createSubjects({ streamPrefix: 'A B' })).toThrow(/prefix/);
  });
});

describe('NATS sink without a server', () => {
  it('starts every publish of a batch before awaiting any PubAck, with the event id as Nats-Msg-Id', async () => {
    const started: string[] = [];
    const releases: (() => void)[] = [];
    const js = fakeJs((subject, _data, opts) => {
      started.push(`${subject}|${opts.msgID}`);
      return new Promise((resolve) => releases.push(() => resolve(ack(started.length))));
    });
    const sink = createNatsSink({ js, subjects: createSubjects(), logger });
    const events = [envelope('a.b.c'), envelope('a.b.d'), envelope('system.x.y')];
    const pending = sink.deliver(events);
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual(events.map((e) => `${createSubjects().subjectFor(e)}|${e.id}`));
    for (const release of releases) release();
    expect([...(await pending).values()]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    sink.shutdown();
  });

  it('reports failures as transient, opens the breaker, and closes it again once publishing works', async () => {
    let failing = true;
    const js = fakeJs(async () => {
      if (failing) throw new Error('no responders');
      return ack(1);
    });
    const sink = createNatsSink({ js, subjects: createSubjects(), logger, breaker: { volumeThreshold: 2, resetTimeout: 100 } });
    const events = [envelope('a.b.c'), envelope('a.b.c'), envelope('a.b.c')];
    const results = await sink.deliver(events);
    expect([...results.values()].every((r) => !r.ok && r.transient && r.consumers.length === 0)).toBe(true);
    expect(sink.available()).toBe(false);
    expect(sink.breakerState()).toBe('open');
    const refused = (await sink.deliver([envelope('a.b.c')])).values().next().value;
    expect(refused).toMatchObject({ ok: false, transient: true, error: expect.stringMatching(/open/) });

    failing = false;
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.breakerState()).toBe('halfOpen');
    expect([...(await sink.deliver([envelope('a.b.c')])).values()]).toEqual([{ ok: true }]);
    expect(sink.available()).toBe(true);
    sink.shutdown();
  });

  it('refuses at once while the connection is down', async () => {
    let calls = 0;
    const js = fakeJs(async () => {
      calls++;
      return ack(1);
    });
    const sink = createNatsSink({ js, subjects: createSubjects(), logger, isConnected: () => false });
    expect(sink.available()).toBe(false);
    expect([...(await sink.deliver([envelope('a.b.c')])).values()][0]).toMatchObject({ ok: false, transient: true, error: /disconnected/ });
    expect(calls).toBe(0);
    sink.shutdown();
  });
});
