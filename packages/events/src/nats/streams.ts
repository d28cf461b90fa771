import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
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

/** Creates the stream, or updates it when present (so a changed setting is applied at boot). */
const ensureStream = async (jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> => {
  try {
    await jsm.streams.info(config.name);
  } catch (error) {
    if (!isNotFound(error, JetStreamApiCodes.StreamNotFound)) throw error;
    try {
      await jsm.streams.add(config);
      return;
    } catch {
      // another process created it meanwhile: fall through to the update
    }
  }
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
