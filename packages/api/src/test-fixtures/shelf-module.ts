import { defineModule, type JsonTextResolver, jsonTextField } from '@rustok/kernel';

/**
 * Test fixture (not shipped behaviour): GraphQL fields answered from JSON text. `shelf(label)`
 * writes its answer as text (`label: "broken"` leaves out a non-null field, `"bad-count"` puts a
 * string in an Int); `privateShelf` does too but needs a signed-in caller. For `label: "verbatim"`
 * the text is the answer to VERBATIM_SHAPE, written with spaces and line breaks, so a test can tell
 * the text went out as it is.
 */
interface ShelfItem {
  readonly id: string;
  readonly name: string;
  readonly count: number;
  readonly tags: readonly string[];
  readonly note?: string | null;
}

interface Shelf {
  readonly label: string;
  readonly items: readonly ShelfItem[];
}

export const SHELF_ITEMS: readonly ShelfItem[] = [
  { id: 'a1', name: 'Lamp', count: 2, tags: ['light', 'desk'], note: 'warm' },
  { id: 'b2', name: 'Desk', count: 1, tags: [] },
];

/** Calls of the text resolver, so tests can tell it ran. */
export const shelfCalls = { text: 0 };

/** The shape the text for `label: "verbatim"` declares. */
export const VERBATIM_SHAPE = '{ label items { id name } }';

const shelfText: JsonTextResolver = async (args) => {
  shelfCalls.text += 1;
  const label = typeof args.label === 'string' ? args.label : 'main';
  if (label === 'verbatim') return JSON.stringify({ label, items: SHELF_ITEMS.map(({ id, name }) => ({ id, name })) }, null, 2);
  if (label === 'broken') return JSON.stringify({ label, items: [{ id: 'x', count: 1, tags: [] }] });
  if (label === 'bad-count') return JSON.stringify({ label, items: [{ id: 'x', name: 'X', count: 'many', tags: [] }] });
  return JSON.stringify({ label, items: SHELF_ITEMS.slice(0, typeof args.first === 'number' ? args.first : undefined) });
};

const parsed = async (args: Record<string, unknown>): Promise<Shelf> => JSON.parse(await shelfText(args, undefined as never)) as Shelf;

export const shelfModule = defineModule({
  slug: 'shelf',
  name: 'Shelf',
  description: 'Test fixture module for answers from JSON text',
  version: '0.0.1',
  kind: 'optional',
  graphql: (builder) => {
    const Item = builder.objectRef<ShelfItem>('ShelfItem').implement({
      fields: (t) => ({
        id: t.exposeID('id'),
        name: t.exposeString('name', { nullable: false }),
        count: t.exposeInt('count'),
        tags: t.exposeStringList('tags'),
        note: t.string({ nullable: true, resolve: (i) => i.note ?? null }),
      }),
    });
    const ShelfRef = builder.objectRef<Shelf>('Shelf').implement({
      fields: (t) => ({ label: t.exposeString('label'), items: t.field({ type: [Item], resolve: (s) => s.items }) }),
    });
    builder.queryField('shelf', (t) =>
      t.field({
        type: ShelfRef,
        authScopes: { public: true },
        args: { label: t.arg.string(), first: t.arg.int() },
        extensions: jsonTextField(shelfText, { shape: (args) => (args.label === 'verbatim' ? VERBATIM_SHAPE : undefined) }),
        resolve: (_root, args) => parsed(args),
      }),
    );
    builder.queryField('privateShelf', (t) =>
      t.field({
        type: ShelfRef,
        authScopes: { authenticated: true },
        extensions: jsonTextField(shelfText),
        resolve: (_root, args) => parsed(args),
      }),
    );
  },
});
