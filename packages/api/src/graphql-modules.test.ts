import { defineModule } from '@rustok/kernel';
import { describe, expect, it } from 'vitest';
import { buildSchema } from './graphql.js';

const base = { name: 'm', description: 'm', version: '1.0.0', kind: 'optional' } as const;

describe('GraphQL schema assembly', () => {
  it('builds with query-only modules (no empty Mutation type) and records who owns each root field', () => {
    const reader = defineModule({
      ...base,
      slug: 'reader',
      graphql: (b) => {
        b.queryField('readerPing', (t) => t.string({ authScopes: { public: true }, resolve: () => 'pong' }));
        b.queryFields((t) => ({ readerMore: t.string({ authScopes: { authenticated: true }, resolve: () => 'more' }) }));
      },
    });
    const { schema, owners } = buildSchema([reader]);
    expect(schema.getMutationType()).toBeUndefined();
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(['modules', 'readerMore', 'readerPing']);
    expect(owners.get('Query.readerPing')).toBe('reader');
    const writer = defineModule({
      ...base,
      slug: 'writer',
      graphql: (b) =>
        b.mutationField('write', (t) => t.boolean({ authScopes: { permission: 'writer.things.write' }, resolve: () => true })),
    });
    const both = buildSchema([reader, writer]);
    expect(Object.keys(both.schema.getMutationType()?.getFields() ?? {})).toEqual(['write']);
    expect(both.owners.get('Mutation.write')).toBe('writer');
  });

  it('refuses a root field that declares no authScopes (deny by default)', () => {
    const careless = defineModule({
      ...base,
      slug: 'careless',
      graphql: (b) => b.queryField('open', (t) => t.string({ resolve: () => 'oops' })),
    });
    expect(() => buildSchema([careless])).toThrow(
      expect.objectContaining({ code: 'KERNEL_GRAPHQL_UNPROTECTED', message: expect.stringContaining('Query.open') }),
    );
  });
});
