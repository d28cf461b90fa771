import {
  type GraphQLLeafType,
  type GraphQLOutputType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * A selection set compiled into a function that picks it out of plain data: the answer GraphQL
 * would give when every selected field resolves to the same-named key of its parent (a missing
 * key as null). Built once per query document; `undefined` when the selection needs more than
 * that (fragments, directives, `__typename`, arguments below the root, abstract types), in which
 * case the query is executed as usual.
 */
export type Projector = (value: unknown) => unknown;

/** Thrown while projecting data that GraphQL would have answered with an error (a null in a non-null field). */
export class ProjectionMismatch extends Error {}

const mismatch = (what: string): never => {
  throw new ProjectionMismatch(what);
};

const nullable =
  (inner: Projector, nonNull: boolean): Projector =>
  (value) => {
    if (value === null || value === undefined) return nonNull ? mismatch('null in a non-null field') : null;
    return inner(value);
  };

const listOf =
  (item: Projector): Projector =>
  (value) =>
    Array.isArray(value) ? value.map(item) : mismatch('a list field holds no array');

interface FieldPlan {
  readonly key: string;
  readonly name: string;
  readonly project: Projector;
}

const objectOf =
  (fields: readonly FieldPlan[]): Projector =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return mismatch('an object field holds no object');
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) out[field.key] = field.project(source[field.name]);
    return out;
  };

/** A leaf value serialised as GraphQL does (Int checks, enum names, custom scalars); one it would refuse is a mismatch. */
const leafOf =
  (type: GraphQLLeafType): Projector =>
  (value) => {
    try {
      return type.serialize(value);
    } catch {
      return mismatch(`not a valid ${type.name}`);
    }
  };

const fieldsOf = (type: GraphQLOutputType, selectionSet: SelectionSetNode): FieldPlan[] | undefined => {
  if (!isObjectType(type)) return undefined;
  const defs = type.getFields();
  const plans: FieldPlan[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length) return undefined;
    const def = defs[selection.name.value];
    if (!def) return undefined; // __typename and other meta fields
    const project = compileProjector(def.type, selection.selectionSet);
    if (!project) return undefined;
    plans.push({ key: selection.alias?.value ?? selection.name.value, name: selection.name.value, project });
  }
  return plans;
};

/** The projector of a value of `type` under `selectionSet` (none for a leaf). */
export const compileProjector = (type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): Projector | undefined => {
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  if (isListType(inner)) {
    const item = compileProjector(inner.ofType, selectionSet);
    return item && nullable(listOf(item), nonNull);
  }
  if (isLeafType(inner)) return selectionSet ? undefined : nullable(leafOf(inner), nonNull);
  if (!selectionSet) return undefined;
  const fields = fieldsOf(inner, selectionSet);
  return fields && nullable(objectOf(fields), nonNull);
};

/** How deep a selection goes (a leaf field counts 1) and how many fields it selects. */
export const selectionSize = (selectionSet: SelectionSetNode | undefined): { depth: number; fields: number } => {
  let depth = 0;
  let fields = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    const below = selectionSize(selection.selectionSet);
    depth = Math.max(depth, below.depth + 1);
    fields += below.fields + 1;
  }
  return { depth, fields };
};
