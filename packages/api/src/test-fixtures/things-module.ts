import { AppError, defineErrors, defineModule, generateId, type HealthResult, type ModuleDefinition } from '@rustok/kernel';

/** The codes the fixture raises. */
const thingsErrors = defineErrors('things', {
  THINGS_NOT_FOUND: { status: 404 },
  THINGS_COUNT_NEGATIVE: { status: 422 },
});

/**
 * Test fixture (not shipped behaviour): a small module exercising every part of the HTTP surface:
 * REST routes with schemas, coded and unexpected errors, GraphQL fields (with a self-referencing
 * type to test depth and complexity), a non-critical health check and a migration.
 */
export interface Thing {
  readonly id: string;
  readonly name: string;
  readonly count: number;
}

const ThingBody = {
  type: 'object',
  required: ['name', 'count'],
  properties: { name: { type: 'string', minLength: 1 }, count: { type: 'integer', minimum: 0 } },
  additionalProperties: false,
} as const;

const ThingReply = {
  type: 'object',
  required: ['id', 'name', 'count'],
  properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, count: { type: 'integer' } },
} as const;

const problem = { $ref: 'Problem#' } as const;

export const SECRET_MESSAGE = 'secret internals';

const insertThing = (id: string, name: string | null = 'x', count: unknown = 1): [string, unknown[]] => [
  'INSERT INTO things (id, name, count) VALUES ($1, $2, $3)',
  [id, name, count],
];
const insertPart = (thingId: string, code = 'abc'): [string, unknown[]] => [
  'INSERT INTO thing_parts (id, thing_id, code) VALUES ($1, $2, $3)',
  [generateId(), thingId, code],
];

/** Statements PostgreSQL refuses, one per class of error that input or a race can cause. */
const REFUSED_STATEMENTS: Readonly<Record<string, () => [string, unknown[]][]>> = {
  unique: () => {
    const id = generateId();
    return [insertThing(id), insertThing(id)];
  },
  check: () => [insertThing(generateId(), 'x', -1)],
  'not-null': () => [insertThing(generateId(), null)],
  'missing-reference': () => [insertPart(generateId())],
  'still-referenced': () => {
    const id = generateId();
    return [insertThing(id), insertPart(id), ['DELETE FROM things WHERE id = $1', [id]]];
  },
  'invalid-text': () => [['SELECT $1::uuid', ['not-a-uuid']]],
  'out-of-range': () => [insertThing(generateId(), 'x', '99999999999')],
  'invalid-datetime': () => [['SELECT $1::timestamptz', ['yesterday-ish']]],
  'datetime-overflow': () => [['SELECT $1::date', ['2026-13-45']]],
  'too-long': () => {
    const id = generateId();
    return [insertThing(id), insertPart(id, 'abcd')];
  },
};

export const thingsModule = defineModule({
  slug: 'things',
  name: 'Things',
  description: 'Test fixture module',
  version: '1.2.3',
  kind: 'optional',
  errors: [thingsErrors],
  migrations: [
    {
      name: 'm20260101_things_001_create',
      up: 'CREATE TABLE things (id uuid PRIMARY KEY, name text NOT NULL, count integer NOT NULL CHECK (count >= 0))',
    },
    {
      name: 'm20260101_things_002_parts',
      up: 'CREATE TABLE thing_parts (id uuid PRIMARY KEY, thing_id uuid NOT NULL REFERENCES things(id), code varchar(3))',
    },
  ],
  health: [{ name: 'cache', critical: false, check: async (): Promise<HealthResult> => ({ status: 'degraded', reason: 'because' }) }],
  rest: async (app) => {
    app.post<{ Body: { name: string; count: number } }>(
      '/things',
      {
        config: { access: { public: true } },
        schema: { tags: ['things'], body: ThingBody, response: { 201: ThingReply, 413: problem, 422: problem } },
      },
      async (request, reply) => {
        const id = generateId();
        const { rows } = await request.server.rustok.db.query<{ id: string; name: string; count: number }>(
          'INSERT INTO things (id, name, count) VALUES ($1, $2, $3) RETURNING id, name, count',
          [id, request.body.name, request.body.count],
        );
        return reply.status(201).send(rows[0]);
      },
    );
    app.get<{ Params: { id: string } }>(
      '/things/:id',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['things'],
          params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
          response: { 200: ThingReply, 404: problem },
        },
      },
      async (request) => {
        const { rows } = await request.server.rustok.db.query('SELECT id, name, count FROM things WHERE id = $1', [request.params.id]);
        if (!rows[0]) throw new AppError('THINGS_NOT_FOUND', `No thing ${request.params.id}`, { status: 404 });
        return rows[0];
      },
    );
    app.get('/boom', { config: { access: { public: true } } }, async () => {
      throw new Error(SECRET_MESSAGE);
    });
    // Runs one statement that PostgreSQL refuses (`/things/refused/unique` etc.), with no input checks.
    app.post<{ Params: { case: string } }>('/things/refused/:case', { config: { access: { public: true } } }, async (request, reply) => {
      const refused = REFUSED_STATEMENTS[request.params.case];
      if (!refused) throw new AppError('THINGS_NOT_FOUND', 'No such case', { status: 404 });
      await request.server.rustok.db.transaction(async (tx) => {
        for (const [sql, values] of refused()) await tx.query(sql, values);
      });
      return reply.status(204).send();
    });
  },
  graphql: (builder) => {
    const ThingRef = builder.objectRef<Thing>('Thing');
    ThingRef.implement({
      fields: (t) => ({
        id: t.exposeID('id'),
        name: t.exposeString('name'),
        count: t.exposeInt('count'),
        // Self-referencing, so a query can be made as deep as wanted.
        child: t.field({ type: ThingRef, nullable: true, resolve: (parent) => ({ ...parent, name: `${parent.name}>` }) }),
      }),
    });
    builder.queryField('thing', (t) =>
      t.field({
        type: ThingRef,
        nullable: true,
        authScopes: { public: true },
        resolve: () => ({ id: '00000000-0000-0000-0000-000000000001', name: 'root', count: 1 }),
      }),
    );
    builder.queryField('thingMissing', (t) =>
      t.field({
        authScopes: { public: true },
        type: ThingRef,
        nullable: true,
        resolve: () => {
          throw new AppError('THINGS_NOT_FOUND', 'No such thing', { status: 404 });
        },
      }),
    );
    builder.queryField('thingCrash', (t) =>
      t.field({
        authScopes: { public: true },
        type: ThingRef,
        nullable: true,
        resolve: () => {
          throw new Error(SECRET_MESSAGE);
        },
      }),
    );
    builder.mutationField('createThing', (t) =>
      t.field({
        authScopes: { public: true },
        type: ThingRef,
        args: { name: t.arg.string({ required: true }), count: t.arg.int({ required: true }) },
        resolve: (_root, args) => {
          if (args.count < 0) throw new AppError('THINGS_COUNT_NEGATIVE', 'count must not be negative', { status: 422 });
          return { id: generateId(), name: args.name, count: args.count };
        },
      }),
    );
  },
});

/** A module whose only check is critical and fails: the instance must report itself unavailable. */
export const gateModule: ModuleDefinition = defineModule({
  slug: 'gate',
  name: 'Gate',
  description: 'Test fixture module with a failing critical check',
  version: '0.1.0',
  kind: 'core',
  health: [
    {
      name: 'upstream',
      critical: true,
      check: async () => {
        throw new Error('upstream refused');
      },
    },
  ],
});
