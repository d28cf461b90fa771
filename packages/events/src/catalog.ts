import { ajv, type EventDeclaration, type ModuleDefinition } from '@rustok/kernel';
import type { ValidateFunction } from 'ajv';
import { eventsErrors } from './errors.js';

export interface CatalogEntry {
  readonly declaration: EventDeclaration;
  readonly module: string;
  readonly validate: ValidateFunction;
}

/** Every event type the deployment's modules emit, every version of it: no central enum. */
export interface EventCatalog {
  readonly entries: readonly CatalogEntry[];
  get(type: string, version: number): CatalogEntry | undefined;
  latestVersion(type: string): number | undefined;
}

export const createEventCatalog = (modules: readonly ModuleDefinition[]): EventCatalog => {
  const byKey = new Map<string, CatalogEntry>();
  const latest = new Map<string, number>();
  for (const mod of modules) {
    for (const declaration of mod.events.emits) {
      const key = `${declaration.type}@${declaration.schemaVersion}`;
      if (byKey.has(key))
        throw eventsErrors.EVENT_DUPLICATE_DECLARATION(`${declaration.type} v${declaration.schemaVersion} is declared twice`);
      byKey.set(key, { declaration, module: mod.slug, validate: ajv.compile(declaration.payload) });
      latest.set(declaration.type, Math.max(latest.get(declaration.type) ?? 0, declaration.schemaVersion));
    }
  }
  const entries = [...byKey.values()].sort((a, b) =>
    a.declaration.type === b.declaration.type
      ? a.declaration.schemaVersion - b.declaration.schemaVersion
      : a.declaration.type.localeCompare(b.declaration.type),
  );
  return {
    entries,
    get: (type, version) => byKey.get(`${type}@${version}`),
    latestVersion: (type) => latest.get(type),
  };
};
