import { defineModule } from '@rustok/kernel';
import { tenantRlsSql } from '../rls.js';

/** A tenant-owned table of notes under row-level security: the fixture of the tenant transaction and tenant read tests. */
export const notesModule = defineModule({
  slug: 'notes',
  name: 'Notes',
  description: 'fixture',
  version: '1.0.0',
  kind: 'optional',
  migrations: [
    {
      name: 'm20260101_notes_001_create',
      up: `CREATE TABLE notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, body text NOT NULL);${tenantRlsSql('notes')}`,
    },
  ],
});
