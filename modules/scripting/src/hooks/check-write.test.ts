import type { ProductWrite } from '@rustok/commerce/contracts';
import type { PortContext } from '@rustok/kernel';
import { describe, expect, it } from 'vitest';
import { checkWrite } from './check-write.js';

const write: ProductWrite = {
  write: 'commerce.product.update',
  tenantId: '01a24a6d-f2cb-846e-10d4-9f4ed807f9f9',
  actorId: null,
  productId: '01a24a6d-f3e1-fda3-1fb7-7301cd229aed',
  changes: { title: 'Renamed' },
};

/** A port whose database answers the tenant's scripting row by a tenant read and counts what else it is asked. */
const portWith = (row: { enabled: boolean; settings: Record<string, unknown> } | undefined) => {
  const asked = { reads: [] as string[], transactions: 0 };
  const db = {
    tenantRead: async (tenantId: string, text: string) => {
      asked.reads.push(`${tenantId}: ${text}`);
      return { rows: row ? [row] : [] };
    },
    transaction: async () => {
      asked.transactions++;
      return [];
    },
  };
  return { port: { db } as unknown as PortContext, asked };
};

describe('checkWrite', () => {
  it('asks once, by a tenant read and with no transaction, when the tenant has not turned validate hooks on', async () => {
    for (const row of [undefined, { enabled: true, settings: {} }, { enabled: false, settings: { validateHooks: true } }]) {
      const { port, asked } = portWith(row);
      await checkWrite(port, write);
      expect(asked.reads).toHaveLength(1);
      expect(asked.reads[0]).toContain(`${write.tenantId}: SELECT enabled, settings FROM tenant_modules WHERE module = 'scripting'`);
      expect(asked.transactions).toBe(0);
    }
  });

  it('looks the hooks up in a transaction of the tenant once they are on', async () => {
    const { port, asked } = portWith({ enabled: true, settings: { validateHooks: true } });
    await checkWrite(port, write);
    expect(asked.transactions).toBe(1);
  });
});
