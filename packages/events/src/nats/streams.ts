import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { eventsErrors } from '../errors.js';
import type { NatsSubjects, StreamKind } from './subjects.js';

export interface StreamOptions {
  /** JetStream deduplication window (Nats-Msg-Id); 2 minutes by default. */
  readonly duplicateWindowMs?: number;
  /** How long events are kept; 0 (default) keeps them until other limits apply. */
  readonly maxAgeMs?: number;
  readonly replicas?: number;
}

export const nanos = (ms: number): number => Math.round(ms * 1_000_000);

const isNotFound = (error: unknown, code: number): boolean => error instanceof JetStreamApiError && error.code === code;

const configFor = (subjects: NatsSubjects, kind: StreamKind, options: StreamOptions): Partial<StreamConfig> & { name: string } => ({
  name: subjects.streams[kind],
  subjects: [`${subjects.root}.${kind}.>`],
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
  max_age: nanos(options.maxAgeMs ?? 0),
  num_replicas: options.replicas ?? 1,
  description: `RusToK ${kind} events`,
});

/**
 * A stream of that name that takes other subjects belongs to another deployment (or another subject
 * root): it is never rewritten, which would take its events away from it.
 */
const assertOurs = (existing: readonly string[] | undefined, config: Partial<StreamConfig> & { name: string }): void => {
  const ours = config.subjects ?? [];
  const same = existing?.length === ours.length && ours.every((subject) => existing.includes(subject));
  if (same) return;
  throw eventsErrors.EVENTS_STREAM_CONFLICT(
    `The NATS stream ${config.name} takes ${JSON.stringify(existing ?? [])}, not ${JSON.stringify(ours)}: it belongs to another deployment. ` +
      'Give each deployment sharing this NATS its own settings.rustok.deployment.',
  );
};

/** The subjects of the stream, or undefined when there is no such stream. */
const subjectsOf = async (jsm: JetStreamManager, name: string): Promise<string[] | undefined> => {
  try {
    return (await jsm.streams.info(name)).config.subjects ?? [];
  } catch (error) {
    if (isNotFound(error, JetStreamApiCodes.StreamNotFound)) return undefined;
    throw error;
  }
};

/** Creates the stream, or updates one of ours when present (so a changed setting is applied at boot). */
const ensureStream = async (jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> => {
  let existing = await subjectsOf(jsm, config.name);
  if (!existing) {
    try {
      await jsm.streams.add(config);
      return;
    } catch (error) {
      // another process may have created it meanwhile
      existing = await subjectsOf(jsm, config.name);
      if (!existing) throw error;
    }
  }
  assertOurs(existing, config);
  const { storage: _storage, retention: _retention, name, ...changeable } = config;
  await jsm.streams.update(name, changeable);
};

/**
 * Makes sure the domain, system and dead-letter streams exist with file storage and a two-minute
 * duplicate window. Idempotent: several processes may call it at boot.
 */
export const ensureStreams = async (jsm: JetStreamManager, subjects: NatsSubjects, options: StreamOptions = {}): Promise<void> => {
  for (const kind of ['domain', 'system', 'dlq'] as const) await ensureStream(jsm, configFor(subjects, kind, options));
};

/** Deletes the three streams (tests, teardown of a scratch deployment). Missing streams are fine. */
export const deleteStreams = async (jsm: JetStreamManager, subjects: NatsSubjects): Promise<void> => {
  for (const name of Object.values(subjects.streams)) {
    await jsm.streams.delete(name).catch((error: unknown) => {
      if (!isNotFound(error, JetStreamApiCodes.StreamNotFound)) throw error;
    });
  }
};

export { isNotFound };
