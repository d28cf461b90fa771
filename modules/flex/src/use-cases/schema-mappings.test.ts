import { isAppError } from '@rustok/kernel';
import { describe, expect, it } from 'vitest';
import type { FieldDefinition, SchemaMappings } from '../schemas.js';
import { changesOf, checkedChanges, movedValues, movesOf } from './schema-mappings.js';

const BEFORE: FieldDefinition[] = [
  { key: 'title', type: 'text', required: true },
  { key: 'tags', type: 'text', list: true },
  { key: 'author', type: 'reference', to: 'user' },
  {
    key: 'size',
    type: 'object',
    fields: [
      { key: 'w', type: 'integer' },
      { key: 'h', type: 'integer' },
    ],
  },
  { key: 'note', type: 'text' },
];

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, paths: error.errors.map((e) => e.path) };
    throw error;
  }
  throw new Error('not refused');
};

describe('schema changes and mappings', () => {
  it('tells each kind of change and whether it may lose stored values', () => {
    const after: FieldDefinition[] = [
      { key: 'title', type: 'text', required: true, maxLength: 80 },
      { key: 'tags', type: 'text' },
      { key: 'author', type: 'reference', to: 'product' },
      { key: 'size', type: 'object', fields: [{ key: 'w', type: 'integer', min: 0 }] },
      { key: 'summary', type: 'text' },
    ];
    expect(changesOf(BEFORE, after, {})).toEqual([
      { key: 'title', change: 'constraints_changed', destructive: false },
      { key: 'tags', change: 'type_changed', destructive: true },
      { key: 'author', change: 'type_changed', destructive: true },
      { key: 'size', change: 'fields_changed', destructive: true },
      { key: 'note', change: 'removed', destructive: true },
      { key: 'summary', change: 'added', destructive: false },
    ]);
    const widened = BEFORE.map((f) =>
      f.key === 'size' ? { ...f, fields: [...(f.fields ?? []), { key: 'd', type: 'integer' as const }] } : f,
    );
    expect(changesOf(BEFORE, widened, {})).toEqual([{ key: 'size', change: 'fields_changed', destructive: false }]);
    expect(changesOf(BEFORE, [...BEFORE].reverse(), {})).toEqual([]);
  });

  it('names every destructive change to a field holding values that no mapping covers', () => {
    const after: FieldDefinition[] = [
      { key: 'title', type: 'integer' },
      { key: 'tags', type: 'text', list: true },
    ];
    expect(refusal(() => checkedChanges(BEFORE, after, {}, () => true, '/schemas/2'))).toEqual({
      code: 'FLEX_SCHEMA_CHANGE_NEEDS_MAPPING',
      paths: ['/schemas/2/fields/0', '/schemas/2/mappings/author', '/schemas/2/mappings/size', '/schemas/2/mappings/note'],
    });
    const held = (key: string) => key === 'title';
    expect(refusal(() => checkedChanges(BEFORE, after, {}, held)).paths).toEqual(['/fields/0']);
    // A field may be called like a property every object has: only a mapping of its own counts.
    const odd: FieldDefinition[] = [{ key: 'constructor', type: 'text' }];
    expect(refusal(() => checkedChanges(odd, [], {}, () => true)).paths).toEqual(['/mappings/constructor']);
    const mappings: SchemaMappings = { title: { action: 'convert' } };
    expect(checkedChanges(BEFORE, after, mappings, held).map((c) => c.change)).toEqual(['type_changed', 'removed', 'removed', 'removed']);
  });

  it('refuses mappings that do not fit the change', () => {
    const after: FieldDefinition[] = [
      { key: 'title', type: 'text' },
      { key: 'heading', type: 'text' },
    ];
    const refused = (mappings: SchemaMappings) => refusal(() => checkedChanges(BEFORE, after, mappings, () => false));
    expect(refused({ nope: { action: 'drop' } })).toEqual({ code: 'FLEX_SCHEMA_INVALID', paths: ['/mappings/nope'] });
    expect(refused({ note: { action: 'convert' } }).paths).toEqual(['/mappings/note/action']);
    expect(refused({ note: { action: 'rename', to: 'title' } }).paths).toEqual(['/mappings/note/to']);
    expect(refused({ note: { action: 'rename', to: 'missing' } }).paths).toEqual(['/mappings/note/to']);
    expect(refused({ note: { action: 'rename', to: 'heading' }, tags: { action: 'rename', to: 'heading' } }).paths).toEqual([
      '/mappings/tags/to',
    ]);
    // A rename onto a key whose own values go elsewhere is fine (a swap).
    const swapped = [
      { key: 'a', type: 'text' },
      { key: 'b', type: 'text' },
    ] as FieldDefinition[];
    const swap: SchemaMappings = { a: { action: 'rename', to: 'b' }, b: { action: 'rename', to: 'a' } };
    expect(checkedChanges(swapped, swapped, swap, () => true)).toEqual([]);
    expect(movedValues({ a: 1, b: 2, c: 3 }, movesOf(swap))).toEqual({ a: 2, b: 1, c: 3 });
  });

  it('moves values as the SQL does: drops and renames take the old key, a missing value is not made up', () => {
    const moves = movesOf({ note: { action: 'drop' }, tags: { action: 'rename', to: 'labels' }, title: { action: 'convert' } });
    expect(moves).toEqual({ drop: ['note', 'tags'], renames: [{ from: 'tags', to: 'labels' }] });
    expect(movedValues({ title: 'x', note: 'n', tags: ['a'] }, moves)).toEqual({ title: 'x', labels: ['a'] });
    expect(movedValues({ title: 'x' }, moves)).toEqual({ title: 'x' });
  });
});
