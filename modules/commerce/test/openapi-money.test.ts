import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';

interface Schema {
  readonly description?: string;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly anyOf?: readonly Schema[];
  readonly $ref?: string;
}
interface Operation {
  readonly requestBody?: { content: Record<string, { schema: Schema }> };
  readonly responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, Schema> };
}

describeEachBackend('commerce money fields in the OpenAPI document', (backend) => {
  let platform: TestPlatform;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend, modules: [commerceModule] });
    doc = (await platform.app.inject({ method: 'GET', url: '/swagger/json' })).json<OpenApiDocument>();
  });
  afterAll(async () => platform?.close());

  const resolve = (schema: Schema): Schema => {
    const name = schema.$ref?.replace('#/components/schemas/', '');
    return name ? resolve(doc.components.schemas[name] ?? {}) : schema;
  };
  /** The schema at a property path under an operation's request body or 2xx response, through arrays and nullables. */
  const field = (path: string, method: string, where: 'request' | string, ...names: string[]): Schema => {
    const operation = doc.paths[path]?.[method];
    expect(operation, `${method} ${path}`).toBeDefined();
    const body = where === 'request' ? operation?.requestBody : operation?.responses[where];
    let schema = resolve(body?.content?.['application/json']?.schema ?? {});
    for (const name of names) {
      const step = resolve(schema.properties?.[name] ?? schema.items?.properties?.[name] ?? {});
      schema = step.anyOf ? resolve(step.anyOf.find((s) => s.description) ?? step.anyOf[0] ?? {}) : step;
    }
    return schema;
  };

  it('says that a discount value is in basis points for percentages and minor units for fixed amounts', () => {
    for (const schema of [
      field('/api/v1/commerce/discounts', 'post', 'request', 'value'),
      field('/api/v1/commerce/discounts/{id}', 'patch', 'request', 'value'),
      field('/api/v1/commerce/discounts/{id}', 'get', '200', 'value'),
    ]) {
      expect(schema.description).toMatch(/basis points: 1000 = 10\.00 %/);
      expect(schema.description).toMatch(/minor units/);
    }
  });

  it('says that prices, totals and shipping amounts are minor units of an ISO 4217 currency', () => {
    const minorUnits = /minor units of the currency in `currencyCode`/;
    expect(field('/api/v1/commerce/products', 'post', 'request', 'variants', 'prices', 'amount').description).toMatch(minorUnits);
    expect(field('/api/v1/commerce/products', 'post', 'request', 'variants', 'prices', 'currencyCode').description).toMatch(/ISO 4217/);
    expect(field('/api/v1/commerce/shipping-options', 'post', 'request', 'amount').description).toMatch(minorUnits);
    expect(field('/api/v1/commerce/orders/{id}', 'get', '200', 'total').description).toMatch(minorUnits);
    expect(field('/api/v1/commerce/orders/{id}', 'get', '200', 'currencyCode').description).toMatch(/ISO 4217/);
    expect(field('/api/v1/commerce/tax-rates', 'post', 'request', 'rateBp').description).toMatch(/basis points: 2000 = 20\.00 %/);
  });
});
