import type { CommerceContext } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { type TaxRate, TaxRateInput, TaxRatePatch } from '../../schemas/shop.js';
import { iso } from '../../time.js';
import { createEntity, deleteEntity, getEntity, listEntities, type ShopEntity, updateEntity } from './crud.js';

type Row = Record<string, unknown>;

/** Tax rates: one per destination country; checkout applies the shipping address's country. */
const taxRates: ShopEntity<TaxRate, TaxRateInput, TaxRatePatch> = {
  table: 'commerce_tax_rates',
  noun: 'tax_rate',
  columns: 'id, country_code, name, rate_bp, created_at, updated_at',
  inputSchema: TaxRateInput,
  patchSchema: TaxRatePatch,
  fields: { countryCode: 'country_code', name: 'name', rateBp: 'rate_bp' },
  toView: (r: Row) => ({
    id: String(r.id),
    countryCode: String(r.country_code),
    name: String(r.name),
    rateBp: Number(r.rate_bp),
    createdAt: iso(r.created_at as Date),
    updatedAt: iso(r.updated_at as Date),
  }),
  duplicate: (v) => commerceErrors.COMMERCE_TAX_RATE_EXISTS(`There is a tax rate for ${String(v.countryCode)} already`),
};

export const listTaxRates = (ctx: CommerceContext, page: { limit?: number; cursor?: string } = {}) => listEntities(ctx, taxRates, page);
export const getTaxRate = (ctx: CommerceContext, id: string) => getEntity(ctx, taxRates, id);
export const createTaxRate = (ctx: CommerceContext, input: TaxRateInput) => createEntity(ctx, taxRates, input);
export const updateTaxRate = (ctx: CommerceContext, id: string, patch: TaxRatePatch) => updateEntity(ctx, taxRates, id, patch);
export const deleteTaxRate = (ctx: CommerceContext, id: string) => deleteEntity(ctx, taxRates as ShopEntity<unknown, unknown, unknown>, id);
