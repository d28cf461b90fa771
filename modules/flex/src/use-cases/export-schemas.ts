import { inTenant } from '@rustok/api';
import { type FlexContext, requirePermission } from '../context.js';
import type { SchemaExport } from '../schemas.js';
import { selectAllSchemas } from '../store/schemas.js';

export const EXPORT_FORMAT = 'rustok.flex.schemas/1' as const;

/** GET /flex/export: every schema of the tenant (slug order) as one document that POST /flex/import takes back. */
export const exportSchemas = (ctx: FlexContext): Promise<SchemaExport> => {
  requirePermission(ctx, 'flex.schemas.manage');
  return inTenant(ctx, async (w) => ({
    format: EXPORT_FORMAT,
    schemas: (await selectAllSchemas(w.tx)).map((row) => ({
      slug: row.slug,
      name: row.name,
      description: row.description,
      target: row.target,
      targetKind: row.target_kind,
      fields: row.fields,
    })),
  }));
};
