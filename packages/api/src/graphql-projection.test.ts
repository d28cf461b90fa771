import { buildSchema, type GraphQLObjectType, Kind, parse, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileProjector, ProjectionMismatch, selectionSize } from './graphql-projection.js';

const schema = buildSchema(`
  type Item { id: ID! name: String count: Int tags: [String!]! kind: Kind }
  enum Kind { LAMP DESK }
  type Page { items: [Item!]! next: String }
  type Query { page(q: String): Page! }
`);
const pageType = (schema.getQueryType() as GraphQLObjectType).getFields().page?.type;

/** The selection set under `page` in `{ page <selection> }`. */
const selectionOf = (selection: string): SelectionSetNode => {
  const op = parse(`{ page ${selection} }`).definitions[0];
  if (op?.kind !== Kind.OPERATION_DEFINITION || op.selectionSet.selections[0]?.kind !== Kind.FIELD) throw new Error('bad query');
  return op.selectionSet.selections[0].selectionSet as SelectionSetNode;
};
const projector = (selection: string) => (pageType ? compileProjector(pageType, selectionOf(selection)) : undefined);

describe('projection of a selection out of plain data', () => {
  const data = { items: [{ id: 'a', name: 'Lamp', count: 2, tags: ['x'], kind: 'LAMP', extra: 1 }], next: 'c', other: true };

  it('picks the selected fields in the order asked, under their aliases, missing nullable keys as null', () => {
    const project = projector('{ next items { k: kind name id missing: name } }');
    expect(JSON.stringify(project?.({ ...data, items: [{ id: 'b', kind: 'DESK', tags: [] }] }))).toBe(
      '{"next":"c","items":[{"k":"DESK","name":null,"id":"b","missing":null}]}',
    );
    expect(projector('{ items { tags count } }')?.(data)).toEqual({ items: [{ tags: ['x'], count: 2 }] });
  });

  it('refuses what GraphQL would answer with an error', () => {
    expect(() => projector('{ items { id } }')?.({ items: [{ name: 'no id' }] })).toThrow(ProjectionMismatch);
    expect(() => projector('{ items { count } }')?.({ items: [{ count: 'many' }] })).toThrow(ProjectionMismatch);
    expect(() => projector('{ items { kind } }')?.({ items: [{ kind: 'SOFA' }] })).toThrow(ProjectionMismatch);
    expect(() => projector('{ items { id } }')?.({ items: { id: 'not a list' } })).toThrow(ProjectionMismatch);
    expect(() => projector('{ next }')?.(null)).toThrow(ProjectionMismatch);
  });

  it('has no projector for what needs the executor', () => {
    for (const selection of [
      '{ __typename }',
      '{ items { ... on Item { id } } }',
      '{ next @include(if: true) }',
      '{ items { id } unknown }',
      '{ items }',
      '{ next { id } }',
    ]) {
      expect(projector(selection), selection).toBeUndefined();
    }
  });

  it('measures depth and field count as the limits count them', () => {
    expect(selectionSize(selectionOf('{ items { id tags } next }'))).toEqual({ depth: 2, fields: 4 });
  });
});
