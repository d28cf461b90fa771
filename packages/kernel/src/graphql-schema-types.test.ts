import { createRequire } from 'node:module';
import { type Static, Type } from '@sinclair/typebox';
import type * as GraphQLModule from 'graphql';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createGraphQLBuilder, type GraphQLBuilder } from './graphql-builder.js';
import { schemaTypes } from './graphql-schema-types.js';
import { Id, Nullable, Timestamp } from './schema-types.js';

// The copy of graphql that Pothos loads (Node resolves the package's CommonJS entry for it).
const { graphql, printType } = createRequire(import.meta.url)('graphql') as typeof GraphQLModule;

const Status = Type.Union([Type.Literal('draft'), Type.Literal('published')], { title: 'NoteStatus' });
const Link = Type.Object({ url: Type.String(), label: Type.Optional(Type.String()) });
const Note = Type.Object({
  id: Id(),
  title: Type.String({ description: 'Shown in lists' }),
  words: Type.Integer(),
  amount: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  score: Type.Number(),
  pinned: Type.Boolean(),
  status: Status,
  previous: Nullable(Status),
  subtitle: Nullable(Type.String()),
  sku: Type.Optional(Type.String()),
  tags: Type.Array(Type.String()),
  maybe: Type.Array(Nullable(Type.String())),
  links: Type.Array(Link),
  main: Nullable(Link),
  meta: Type.Record(Type.String(), Type.Unknown()),
  body: Type.Unknown(),
  createdAt: Timestamp(),
});
const NewNote = Type.Object({
  title: Type.String(),
  status: Type.Optional(Status),
  links: Type.Optional(Type.Array(Link)),
  rich: Type.Optional(Nullable(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Array(Type.Unknown())]))),
});

const withScalars = (): GraphQLBuilder => {
  const builder = createGraphQLBuilder();
  builder.scalarType('DateTime', { serialize: (v) => String(v), parseValue: (v) => new Date(String(v)) });
  builder.scalarType('JSON', { serialize: (v) => v, parseValue: (v) => v });
  return builder;
};

const note: Static<typeof Note> = {
  id: '0190a6e4-1f5e-7c3a-9b1d-2f3e4a5b6c7d',
  title: 'Hello',
  words: 2,
  amount: 9_007_199_254_740_991,
  score: 0.5,
  pinned: false,
  status: 'draft',
  previous: null,
  subtitle: null,
  tags: ['a'],
  maybe: [null],
  links: [{ url: 'https://example.com' }],
  main: null,
  meta: { k: 1 },
  body: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

const build = (): { schema: GraphQLSchema; inputs: unknown[] } => {
  const builder = withScalars();
  const derive = schemaTypes(builder);
  const NoteRef = derive.object(Note, { name: 'Note', description: 'A note' });
  const NewNoteRef = derive.input(NewNote, { name: 'NewNoteInput' });
  const inputs: unknown[] = [];
  builder.queryType({
    fields: (t) => ({
      // The resolver answers Static<typeof Note>: the derived type's shape is the schema's.
      note: t.field({ type: NoteRef, authScopes: { public: true }, resolve: () => note }),
      again: t.field({ type: derive.object(Note), authScopes: { public: true }, resolve: () => note }),
      add: t.field({
        type: 'Boolean',
        authScopes: { public: true },
        args: { input: t.arg({ type: NewNoteRef, required: true }), ...derive.args(t.arg, NewNote, ['status']) },
        resolve: (_root, args) => {
          inputs.push(args.input.title, args.input.links?.[0]?.url, args.status);
          return true;
        },
      }),
    }),
  });
  return { schema: builder.toSchema({ sortSchema: true }), inputs };
};

describe('schemaTypes: GraphQL types derived from TypeBox schemas', () => {
  const { schema, inputs } = build();
  const print = (name: string) => printType(schema.getType(name) as GraphQLNamedType);

  it('maps scalars, nullability, enums, lists, nested objects and JSON, with one type per schema', () => {
    expect(print('Note')).toBe(`"""A note"""
type Note {
  amount: Float
  body: JSON
  createdAt: DateTime
  id: ID
  links: [NoteLinks!]
  main: NoteLinks
  maybe: [String]
  meta: JSON
  pinned: Boolean
  previous: NoteStatus
  score: Float
  sku: String
  status: NoteStatus
  subtitle: String
  tags: [String!]

  """Shown in lists"""
  title: String
  words: Int
}`);
    expect(print('NoteLinks')).toBe('type NoteLinks {\n  label: String\n  url: String\n}');
    expect(print('NoteStatus')).toBe('enum NoteStatus {\n  draft\n  published\n}');
    expect(schema.getQueryType()?.getFields().again?.type.toString()).toBe('Note');
  });

  it('derives input types (optional → not required, nested inputs) and arguments', async () => {
    expect(print('NewNoteInput')).toBe(
      'input NewNoteInput {\n  links: [NewNoteLinksInput!]\n  rich: JSON\n  status: NoteStatus\n  title: String!\n}',
    );
    expect(print('NewNoteLinksInput')).toBe('input NewNoteLinksInput {\n  label: String\n  url: String!\n}');
    expect(
      schema
        .getQueryType()
        ?.getFields()
        .add?.args.map((a) => `${a.name}: ${a.type}`),
    ).toEqual(['input: NewNoteInput!', 'status: NoteStatus']);
    const answer = await graphql({
      schema,
      source:
        '{ note { amount main { url } links { url label } previous status meta } add(input: { title: "T", links: [{ url: "u" }] }, status: published) }',
      contextValue: {},
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      note: {
        amount: 9_007_199_254_740_991,
        main: null,
        links: [{ url: 'https://example.com', label: null }],
        previous: null,
        status: 'draft',
        meta: { k: 1 },
      },
      add: true,
    });
    expect(inputs).toEqual(['T', 'u', 'published']);
  });

  it('follows a policy: literals as their scalar, date-times as String', () => {
    const builder = withScalars();
    const Ref = schemaTypes(builder, { literals: 'scalar', dateTimes: 'String' }).object(Note, { name: 'Plain' });
    builder.queryType({ fields: (t) => ({ plain: t.field({ type: Ref, authScopes: { public: true }, resolve: () => note }) }) });
    const plain = printType(builder.toSchema().getType('Plain') as GraphQLNamedType);
    expect(plain).toMatch(/createdAt: String\n/);
    expect(plain).toMatch(/status: String\n/);
    expect(plain).toMatch(/previous: String\n/);
  });

  it('refuses, when the type is derived, what GraphQL cannot show, naming the field', () => {
    const derive = schemaTypes(withScalars());
    const bad = (property: Parameters<typeof Type.Object>[0][string]) => () => derive.object(Type.Object({ x: property }), { name: 'Bad' });
    expect(bad(Type.Union([Type.String(), Type.Integer()]))).toThrow(/Bad\.x is a union of several kinds of values/);
    expect(bad(Type.Tuple([Type.String(), Type.String()]))).toThrow(/Bad\.x is a tuple/);
    expect(bad(Type.Array(Type.Array(Type.String())))).toThrow(/Bad\.x is a list of lists/);
    expect(bad(Type.Union([Type.Literal('a-b'), Type.Literal('c')]))).toThrow(/Bad\.x is a union of literals with "a-b"/);
    expect(bad(Type.Intersect([Link, Type.Object({ y: Type.String() })]))).toThrow(/Bad\.x is a schema of kind Intersect/);
    expect(() => derive.object(Type.Object({}))).toThrow(/needs a name/);
    const derived = derive.object(Link, { name: 'Link' });
    expect(derive.object(Link, { name: 'Link' })).toBe(derived);
    expect(() => derive.object(Link, { name: 'Other' })).toThrow(/the schema of Link cannot also be Other/);
  });
});
