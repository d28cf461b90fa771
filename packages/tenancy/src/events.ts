import { declareEvent, type EventDeclaration, Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' });

/** Another module may subscribe to these with `on(consumer, declaration, handler)` and get their payload types. */
export const tenantUpdated = declareEvent({
  type: 'tenancy.tenant.updated',
  schemaVersion: 1,
  description: 'Name, settings, domains or activity of a tenant changed',
  payload: Type.Object(
    { tenantId: Id(), slug: Slug, changes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }), isActive: Type.Boolean() },
    { additionalProperties: false },
  ),
});

export const moduleToggled = declareEvent({
  type: 'tenancy.module.toggled',
  schemaVersion: 1,
  description: 'A module was enabled or disabled for a tenant, or its settings changed',
  payload: Type.Object(
    { module: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }), enabled: Type.Boolean(), settingsChanged: Type.Boolean() },
    { additionalProperties: false },
  ),
});

export type TenantUpdatedPayload = Static<typeof tenantUpdated.payload>;
export type ModuleToggledPayload = Static<typeof moduleToggled.payload>;

export const tenancyEvents: readonly EventDeclaration[] = [
  {
    type: 'tenancy.tenant.created',
    schemaVersion: 1,
    description: 'A tenant was created (with its owner)',
    payload: Type.Object(
      { tenantId: Id(), slug: Slug, name: Type.String({ minLength: 1, maxLength: 200 }) },
      { additionalProperties: false },
    ),
  },
  tenantUpdated,
  moduleToggled,
];
