import type { RustokSettings } from './config/schema.js';

/**
 * The names a deployment uses on infrastructure it may share with other deployments (one Redis,
 * one NATS). With `settings.rustok.deployment` unset they are the names a single deployment has
 * always used; with a name, each is prefixed with it, so two deployments never touch each other's
 * keys, streams or consumers.
 */
export interface DeploymentNames {
  readonly deployment: string | null;
  /** Prefix of every Redis key and pub/sub channel: `rustok`, or `rustok:<deployment>`. Add `:<purpose>`. */
  readonly redisPrefix: string;
  /** First token of every NATS subject: `<nats_subject_root>`, or `<nats_subject_root>-<deployment>`. */
  readonly natsSubjectRoot: string;
  /** Prefix of the JetStream stream names: `RUSTOK`, or `RUSTOK_<DEPLOYMENT>`. */
  readonly natsStreamPrefix: string;
  /** Prefix of durable consumer names: empty, or `<deployment>_`. */
  readonly natsDurablePrefix: string;
}

export const deploymentNames = (settings: Pick<RustokSettings, 'deployment' | 'events'>): DeploymentNames => {
  const name = settings.deployment ?? null;
  const root = settings.events.nats_subject_root;
  if (!name) return { deployment: null, redisPrefix: 'rustok', natsSubjectRoot: root, natsStreamPrefix: 'RUSTOK', natsDurablePrefix: '' };
  return {
    deployment: name,
    redisPrefix: `rustok:${name}`,
    natsSubjectRoot: `${root}-${name}`,
    natsStreamPrefix: `RUSTOK_${name.toUpperCase()}`,
    natsDurablePrefix: `${name}_`,
  };
};
