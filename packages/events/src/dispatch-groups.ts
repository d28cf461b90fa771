import { type EventEnvelope, type EventHandlerDeclaration, handlesType } from '@rustok/kernel';

/** One consumer's events of one tenant in a delivery: what one handler transaction covers. */
export interface Group {
  readonly handler: EventHandlerDeclaration;
  readonly tenantId: string;
  readonly events: EventEnvelope[];
}

/** The delivery's events grouped per consumer × tenant, each group's events in delivery order. */
export const groupEvents = (handlers: readonly EventHandlerDeclaration[], events: readonly EventEnvelope[]): Group[] => {
  const groups = new Map<string, Group>();
  for (const event of events) {
    for (const handler of handlers) {
      if (!handlesType(handler, event.type)) continue;
      const key = `${handler.consumer}|${event.tenantId}`;
      const group = groups.get(key) ?? { handler, tenantId: event.tenantId, events: [] };
      group.events.push(event);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
};

const byTenant = (a: Group, b: Group): number => (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0);

/**
 * Groups cut into runs that share one transaction: sorted by tenant, so a tenant's consumers sit
 * together and two runs share at most the tenant at their seam; as many runs as `lanes` (the
 * delivery's concurrency) while that keeps each at most `max` groups. A delivery of no more
 * tenants than lanes keeps one group per transaction, so one tenant's consumers run side by side.
 */
export const chunkGroups = (groups: readonly Group[], lanes: number, max: number): Group[][] => {
  // A delivery of few tenants keeps a transaction per group: its consumers then run side by side.
  if (new Set(groups.map((g) => g.tenantId)).size <= lanes) return groups.map((g) => [g]);
  const sorted = [...groups].sort(byTenant);
  const size = Math.max(1, Math.min(max, Math.ceil(sorted.length / Math.max(1, lanes))));
  const chunks: Group[][] = [];
  for (let i = 0; i < sorted.length; i += size) chunks.push(sorted.slice(i, i + size));
  return chunks;
};
