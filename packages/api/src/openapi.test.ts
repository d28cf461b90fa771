import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { thingsModule } from './test-fixtures/things-module.js';

interface Operation {
  tags?: string[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

const problemRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } };

describeEachBackend('OpenAPI document and UI', (backend) => {
  let platform: TestPlatform;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend, modules: [thingsModule] });
    const res = await platform.app.inject({ method: 'GET', url: '/swagger/json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json<OpenApiDocument>();
  });
  afterAll(async () => platform?.close());

  it('is OpenAPI 3.1.0 with the platform title and version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'RusToK API', version: '0.0.0-test' });
    expect(doc.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
  });

  it("includes the module's REST routes under /api/v1, in OpenAPI path syntax", () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/things', '/api/v1/things/{id}']));
    const create = doc.paths['/api/v1/things']?.post;
    expect(create?.tags).toEqual(['things']);
    expect(create?.requestBody).toEqual({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['name', 'count'],
            properties: { name: { type: 'string', minLength: 1 }, count: { type: 'integer', minimum: 0 } },
            additionalProperties: false,
          },
        },
      },
    });
    expect(Object.keys(create?.responses ?? {}).sort()).toEqual(['201', '413', '422']);
    const read = doc.paths['/api/v1/things/{id}']?.get;
    expect(read?.parameters).toEqual([{ schema: { type: 'string', format: 'uuid' }, in: 'path', name: 'id', required: true }]);
    expect(read?.responses['404']).toMatchObject(problemRef);
  });

  it('describes the shared Problem schema once, as a component', () => {
    expect(doc.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'code', 'instance'],
    });
    expect(doc.paths['/api/v1/things']?.post?.responses['422']).toMatchObject(problemRef);
  });

  it('hides operational routes (health, metrics) from the document', () => {
    const paths = Object.keys(doc.paths);
    for (const hidden of ['/health/live', '/health/ready', '/health/modules', '/metrics']) expect(paths).not.toContain(hidden);
    expect(paths.some((p) => p.startsWith('/swagger'))).toBe(false);
  });

  it('serves the UI as HTML at /swagger', async () => {
    let res = await platform.app.inject({ method: 'GET', url: '/swagger' });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      res = await platform.app.inject({ method: 'GET', url: String(res.headers.location) });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toContain('swagger-ui');
  });
});
