import {
  AckPolicy,
  type ConsumerConfig,
  type ConsumerUpdateConfig,
  DeliverPolicy,
  JetStreamApiCodes,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { isNotFound, nanos } from './streams.js';

export type StartFrom = 'all' | 'new';

export interface DurableSpec {
  readonly stream: string;
  readonly durable: string;
  readonly filterSubjects: readonly string[];
  /** Used when the server cannot filter on several subjects (before 2.10): the whole stream. */
  readonly broadFilter: string;
  readonly ackWaitMs: number;
  /** Where a group that does not exist yet starts: every stored event (default) or only new ones. */
  readonly startFrom?: StartFrom;
  readonly maxAckPending?: number;
}

/** Settings that may change on an existing durable. Redelivery is unlimited: the consumer dead-letters itself. */
const updatable = (spec: DurableSpec, filters: readonly string[]): Partial<ConsumerUpdateConfig> => ({
  ack_wait: nanos(spec.ackWaitMs),
  max_deliver: -1,
  max_ack_pending: spec.maxAckPending ?? 1_000,
  ...(filters.length === 1 ? { filter_subject: filters[0] } : { filter_subjects: [...filters] }),
});

const createConfig = (spec: DurableSpec, filters: readonly string[]): Partial<ConsumerConfig> => ({
  ...updatable(spec, filters),
  durable_name: spec.durable,
  ack_policy: AckPolicy.Explicit,
  deliver_policy: spec.startFrom === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
});

const exists = async (jsm: JetStreamManager, spec: DurableSpec): Promise<boolean> => {
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
    return true;
  } catch (error) {
    if (isNotFound(error, JetStreamApiCodes.ConsumerNotFound)) return false;
    throw error;
  }
};

const upsert = async (jsm: JetStreamManager, spec: DurableSpec, filters: readonly string[], logger: Logger): Promise<void> => {
  if (!(await exists(jsm, spec))) {
    try {
      await jsm.consumers.add(spec.stream, createConfig(spec, filters));
      return;
    } catch (error) {
      // Another process may have created it meanwhile; otherwise the error stands.
      if (!(await exists(jsm, spec))) throw error;
    }
  }
  try {
    await jsm.consumers.update(spec.stream, spec.durable, updatable(spec, filters));
  } catch (error) {
    logger.warn({ err: error, stream: spec.stream, durable: spec.durable }, 'cannot update durable consumer; keeping its settings');
  }
};

/**
 * Creates (or updates) a durable pull consumer with explicit acks. Processes that use the same
 * durable share its messages. A server without multi-subject filters gets the whole stream; the
 * dispatcher then skips (and acks) the types the handler does not declare.
 */
export const ensureDurable = async (jsm: JetStreamManager, spec: DurableSpec, logger: Logger): Promise<void> => {
  if (spec.filterSubjects.length <= 1) return upsert(jsm, spec, spec.filterSubjects, logger);
  try {
    await upsert(jsm, spec, spec.filterSubjects, logger);
  } catch (error) {
    if (!/filter_subjects/.test(error instanceof Error ? error.message : '')) throw error;
    logger.info({ durable: spec.durable }, 'server cannot filter on several subjects; the consumer reads the whole stream');
    await upsert(jsm, spec, [spec.broadFilter], logger);
  }
};
