import { defineModule } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bodyLimitText } from './body-limits.js';
import { thingsModule } from './test-fixtures/things-module.js';

/** Test fixture: a route with its own, smaller body limit and no 413 of its own in its schema. */
const uploadsModule = defineModule({
  slug: 'uploads',
  name: 'Uploads',
  description: 'Test fixture: a route with its own body limit',
  version: '1.0.0',
  kind: 'optional',
  rest: async (app) => {
    app.post(
      '/uploads',
      {
        bodyLimit: 4096,
        config: { access: { public: true } },
        schema: {
          tags: ['uploads'],
          body: { type: 'object', properties: { text: { type: 'string' } } },
          response: { 204: { type: 'null' } },
        },
      },
      async (_request, reply) => reply.status(204).send(),
    );
  },
});

interface Operation {
  tags?: string[];
  parameters?: unknown[];
  requestBody?: { description?: string; 'x-body-limit'?: number; content?: unknown; required?: boolean };
  responses: Record<string, unknown>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

const problemRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } };

describeEachBackend('OpenAPI document and UI', (backend) => {
  let platform: TestPlatform;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend, modules: [thingsModule, uploadsModule] });
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
      description: bodyLimitText(1_048_576),
      'x-body-limit': 1_048_576,
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

  it("states the body size limit on every request body: the global one, or the route's own, with a 413 answer", async () => {
    expect(doc.info.description).toContain('Request bodies are limited to 1048576 bytes (1 MiB)');
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    const withBody = operations.filter(({ op }) => op.requestBody);
    expect(withBody.length).toBeGreaterThan(3);
    for (const { path, method, op } of withBody) {
      const limit = op.requestBody?.['x-body-limit'];
      expect(limit, `${method} ${path}`).toBe(path === '/api/v1/uploads' ? 4096 : 1_048_576);
      expect(op.requestBody?.description, `${method} ${path}`).toContain(bodyLimitText(limit ?? 0));
      expect(op.responses['413'], `${method} ${path}`).toMatchObject(problemRef);
    }
    expect(doc.paths['/api/v1/uploads']?.post?.requestBody?.description).toBe(
      'At most 4096 bytes (4 KiB); a larger body is refused with 413 REQUEST_TOO_LARGE.',
    );
    // Operations without a body say nothing about it.
    const read = doc.paths['/api/v1/things/{id}']?.get;
    expect(read?.requestBody).toBeUndefined();
    expect(read?.responses['413']).toBeUndefined();
    expect(JSON.stringify(doc)).not.toMatch(/"x-body-limit":\d+,"(tags|summary|responses)"/);
    // The stated limit is the enforced one.
    const small = await platform.app.inject({ method: 'POST', url: '/api/v1/uploads', payload: { text: 'x'.repeat(3000) } });
    expect(small.statusCode).toBe(204);
    const large = await platform.app.inject({ method: 'POST', url: '/api/v1/uploads', payload: { text: 'x'.repeat(5000) } });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'REQUEST_TOO_LARGE' });
  });

  it('describes the shared Problem schema once, as a component', () => {
    expect(doc.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'code', 'instance'],
    });
    expect(doc.paths['/api/v1/things']?.post?.responses['422']).toMatchObject(problemRef);
  });

  it('lists every catalogued code with its status and title (ErrorCode), and serves the catalogue at GET /api/v1/errors', async () => {
    const catalogue = platform.registry.errors;
    expect(catalogue.map((e) => e.code)).toContain('THINGS_NOT_FOUND');
    const schema = doc.components.schemas.ErrorCode as { enum: string[]; 'x-error-codes': unknown[] };
    expect(schema.enum).toEqual(catalogue.map((e) => e.code));
    expect(schema['x-error-codes']).toEqual(
      catalogue.map(({ code, status, title, description, owner }) => ({ code, status, title, description, owner })),
    );
    expect(doc.components.schemas.Problem).toMatchObject({ properties: { code: { $ref: '#/components/schemas/ErrorCode' } } });
    expect(doc.paths['/api/v1/errors']?.get).toBeDefined();
    const res = await platform.app.inject({ method: 'GET', url: '/api/v1/errors' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ errors: { code: string; status: number; title: string }[] }>().errors).toContainEqual({
      code: 'THINGS_NOT_FOUND',
      status: 404,
      title: 'Not found',
      description: '',
      owner: 'things',
    });
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
