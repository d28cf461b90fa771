import { describe, expect, it } from 'vitest';
import { beginForTenant } from './database.js';

describe('beginForTenant', () => {
  it('begins and sets the tenant in one statement text', () => {
    const id = '0190a3c4-0000-7000-8000-000000000001';
    expect(beginForTenant(undefined, id)).toBe(`BEGIN; SELECT set_config('app.tenant_id', '${id}', true)`);
    expect(beginForTenant({ readOnly: true }, id)).toMatch(/^BEGIN READ ONLY; /);
  });

  it('refuses anything but a UUID, since the id is inlined', () => {
    expect(() => beginForTenant(undefined, "x'); DROP TABLE t; --")).toThrow(/well-formed tenant id/);
  });
});
