import type { EventRoles } from '@rustok/events';
import { type Config, consumerSelected, kernelErrors, PROCESS_ROLES, type ProcessRoles, processRoles } from '@rustok/kernel';
import { Gauge, type Registry } from 'prom-client';

/** The roles of this process (`server.roles`, `rustok start --roles`). */
export const rolesOf = (config: Config): ProcessRoles => processRoles(config.server.roles);

/** The roles it runs, in their usual order (for logs and `/health/ready`). */
export const roleNames = (roles: ProcessRoles): string[] => PROCESS_ROLES.filter((role) => roles[role]);

/**
 * What the event bus runs here: the relay and the consumers (see `runsRelay` of @rustok/events), and
 * which consumers (`server.consumers`). A filter needs the `nats` transport: the outbox relay hands an
 * event to every handler of its process at once, so leaving some out would lose their events.
 */
export const eventRoles = (roles: ProcessRoles, config: Config): EventRoles => {
  const filter = config.server.consumers;
  if (filter.length > 0 && config.settings.rustok.events.transport !== 'nats')
    throw kernelErrors.CONFIG_INVALID(
      `server.consumers (${filter.join(', ')}) needs settings.rustok.events.transport nats: with ${config.settings.rustok.events.transport} every process runs every consumer`,
    );
  return { relay: roles.relay, consumers: roles.consumers, selects: (consumer) => consumerSelected(filter, consumer) };
};

/** Whether this process needs NATS under the `nats` transport: only to relay or to consume. */
export const needsStreaming = (roles: ProcessRoles): boolean => roles.relay || roles.consumers;

/** `rustok_process_roles{role}`: 1 for each role this process runs, 0 for the others. */
export const registerRoleGauge = (registry: Registry, roles: ProcessRoles): void => {
  const gauge = new Gauge({
    name: 'rustok_process_roles',
    help: 'The roles this process runs (1) and does not run (0)',
    labelNames: ['role'] as const,
    registers: [registry],
  });
  for (const role of PROCESS_ROLES) gauge.set({ role }, roles[role] ? 1 : 0);
};
