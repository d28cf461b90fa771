import type { EventEnvelope } from '@rustok/kernel';

export type StreamKind = 'domain' | 'system' | 'dlq';

/** Names of the streams and subjects of one deployment (tests use their own root and prefix). */
export interface NatsSubjects {
  /** First subject token, `rustok` by default. */
  readonly root: string;
  readonly streams: Readonly<Record<StreamKind, string>>;
  /** `<root>.domain.<tenantId>.<type>`, or `<root>.system.…` for `system.*` events. */
  subjectFor(envelope: Pick<EventEnvelope, 'tenantId' | 'type'>): string;
  /** `<root>.dlq.<tenantId>.<type>` */
  deadLetterSubjectFor(envelope: Pick<EventEnvelope, 'tenantId' | 'type'>): string;
  /** Filter subjects per stream covering a handler's types (overlaps removed). */
  filtersFor(types: readonly string[]): Map<string, string[]>;
  /** Durable name of a consumer in a group: `<durable prefix><group><consumer with . → _>`. */
  durableName(consumer: string, group?: string): string;
}

export interface SubjectOptions {
  readonly root?: string;
  /** Stream-name prefix, `RUSTOK` by default (streams `RUSTOK_DOMAIN`, `RUSTOK_SYSTEM`, `RUSTOK_DLQ`). */
  readonly streamPrefix?: string;
  /** Prefix of every durable consumer name (the deployment's, e.g. `shop-a_`); none by default. */
  readonly durablePrefix?: string;
}

const TOKEN = /^[A-Za-z0-9_-]+$/;

export const kindOfType = (type: string): 'domain' | 'system' => (type.startsWith('system.') ? 'system' : 'domain');

const keyOf = (type: string): string => (type.endsWith('.*') ? type.slice(0, -1) : type);

/** Whether wildcard `o` covers type (or pattern) `t`: `*` every domain type, `x.*` its prefix. */
const covers = (o: string, t: string): boolean =>
  o !== t && ((o === '*' && kindOfType(t) === 'domain') || (o.endsWith('.*') && keyOf(t).startsWith(o.slice(0, -1))));

/** Drops duplicates and types already covered by a wildcard of the same list (JetStream refuses overlapping filters). */
export const withoutOverlaps = (types: readonly string[]): string[] => {
  const unique = [...new Set(types)];
  return unique.filter((t) => !unique.some((o) => covers(o, t)));
};

export const createSubjects = (options: SubjectOptions = {}): NatsSubjects => {
  const root = options.root ?? 'rustok';
  const prefix = options.streamPrefix ?? 'RUSTOK';
  if (!TOKEN.test(root)) throw new Error(`Invalid NATS subject root "${root}"`);
  if (!TOKEN.test(prefix)) throw new Error(`Invalid NATS stream prefix "${prefix}"`);
  const durablePrefix = options.durablePrefix ?? '';
  if (durablePrefix && !TOKEN.test(durablePrefix)) throw new Error(`Invalid NATS durable prefix "${durablePrefix}"`);
  const streams = { domain: `${prefix}_DOMAIN`, system: `${prefix}_SYSTEM`, dlq: `${prefix}_DLQ` } as const;

  const filterFor = (type: string): string => {
    const base = `${root}.${kindOfType(type)}.*`;
    if (type === '*') return `${base}.>`;
    return type.endsWith('.*') ? `${base}.${type.slice(0, -2)}.>` : `${base}.${type}`;
  };

  return {
    root,
    streams,
    subjectFor: (e) => `${root}.${kindOfType(e.type)}.${e.tenantId}.${e.type}`,
    deadLetterSubjectFor: (e) => `${root}.dlq.${e.tenantId}.${e.type}`,
    filtersFor(types) {
      const byStream = new Map<string, string[]>();
      for (const type of withoutOverlaps(types)) {
        const stream = streams[kindOfType(type)];
        byStream.set(stream, [...(byStream.get(stream) ?? []), filterFor(type)]);
      }
      return byStream;
    },
    durableName: (consumer, group = '') => `${durablePrefix}${group}${consumer}`.replace(/[^A-Za-z0-9_-]/g, '_'),
  };
};
