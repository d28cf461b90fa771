import type { ArgumentRef, FieldRef, InputFieldRef, InputObjectRef, ObjectRef } from '@pothos/core';
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { GraphQLBuilder, GraphQLTypes } from './graphql-builder.js';
import { fieldsOf, nameOfSchema, type SchemaField, type SchemaShape, type SchemaTypePolicy } from './graphql-schema-shapes.js';

export type { SchemaTypePolicy } from './graphql-schema-shapes.js';

/**
 * GraphQL object and input types derived from the TypeBox schemas REST validates with, so that one
 * schema states a resource's fields once. string → String (`format: uuid` → ID, `date-time` →
 * DateTime), integer → Int (Float when its bounds leave 32 bits, as money in minor units does),
 * number → Float, boolean → Boolean, literals → an enum (or their scalar, see SchemaTypePolicy),
 * arrays → lists, records and unknown values → JSON, nested objects → their own named types. An
 * optional or nullable property is a nullable field (an optional input field); a required property is
 * a required input field, and an output field of the builder's default nullability (nullable, as
 * GraphQL advises). Anything else is refused when the type is derived, naming the field: build that
 * field by hand with `fields`.
 *
 * Names: the `name` option, else the schema's `$id` or `title` (inputs add `Input`); a nested object
 * or enum without one is named after its parent and property (`CommerceOrder` + `shippingAddress`).
 * One schema object is one GraphQL type per builder: deriving it again (directly or nested) answers
 * the same type, so derive a shared nested schema first to give it its name.
 */

type Types = PothosSchemaTypes.ExtendDefaultTypes<GraphQLTypes>;
type ObjectFields<T> = PothosSchemaTypes.ObjectFieldBuilder<Types, T>;
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type ArgFields = PothosSchemaTypes.InputFieldBuilder<Types, 'Arg'>;

/** A GraphQL object type whose resolvers answer T. */
export type GraphQLObjectRef<T> = ObjectRef<Types, T>;
/** A GraphQL input type that hands resolvers T. */
export type GraphQLInputRef<T> = InputObjectRef<Types, T>;

/** What GraphQL hands a resolver for an input of shape T: an optional property may also come as null. */
export type GraphQLInput<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? GraphQLInput<U>[]
    : T extends object
      ? { [K in keyof T]: undefined extends T[K] ? GraphQLInput<Exclude<T[K], undefined>> | null | undefined : GraphQLInput<T[K]> }
      : T;

type OutputOverride<T> = (t: ObjectFields<T>) => FieldRef<Types, unknown, 'Object'>;
type InputOverrides = Readonly<Record<string, InputFieldRef<Types, unknown>>>;
/** Hand-built input fields by name (what each builds sets its part of the input's shape). */
type InputFieldBuilders<O extends InputOverrides> = { readonly [P in keyof O]: (t: InputFields) => O[P] };

export interface ObjectTypeOptions<T> {
  readonly name?: string;
  readonly description?: string;
  /** Properties left out of the GraphQL type. */
  readonly omit?: readonly (keyof T & string)[];
  /** Fields built by hand, replacing the derived field of the same name or adding one. */
  readonly fields?: Readonly<Record<string, OutputOverride<T>>>;
}

export interface InputTypeOptions<O extends InputOverrides, K extends string> {
  readonly name?: string;
  readonly description?: string;
  readonly omit?: readonly K[];
  /** Fields built by hand, replacing the derived field of the same name or adding one; they set the input's shape. */
  readonly fields?: InputFieldBuilders<O>;
}

/** The shape of a derived input: the schema's, less what was omitted or built by hand, plus the hand-built fields. */
export type DerivedInput<T, O extends InputOverrides, K extends string> = Omit<GraphQLInput<T>, keyof O | K> & {
  [P in keyof O]?: O[P]['$inferInput'];
};

/** Arguments derived from properties K of T, as Pothos' `t.arg` would type them. */
export type DerivedArgs<T, K extends keyof T> = {
  [P in K]: ArgumentRef<Types, GraphQLInput<Pick<T, K>>[P & keyof GraphQLInput<Pick<T, K>>]>;
};

export interface SchemaTypes {
  /** The object type of an object schema; resolvers return `Static<typeof schema>`. */
  object<S extends TObject>(schema: S, options?: ObjectTypeOptions<Static<S>>): ObjectRef<Types, Static<S>>;
  /** The input type of an object schema. */
  input<
    S extends TObject,
    O extends InputOverrides = Record<never, InputFieldRef<Types, unknown>>,
    K extends keyof Static<S> & string = never,
  >(schema: S, options?: InputTypeOptions<O, K>): InputObjectRef<Types, DerivedInput<Static<S>, O, K>>;
  /** Field arguments from an object schema's properties (`pick` some), e.g. `args: { id: t.arg.id(), ...derive.args(t.arg, S) }`. */
  args<S extends TObject, K extends keyof Static<S> & string = keyof Static<S> & string>(
    arg: ArgFields['field'],
    schema: S,
    pick?: readonly K[],
  ): DerivedArgs<Static<S>, K>;
}

interface Cache {
  readonly objects: Map<object, unknown>;
  readonly inputs: Map<object, unknown>;
  readonly enums: Map<object, unknown>;
}
const caches = new WeakMap<GraphQLBuilder, Cache>();

/**
 * What makes two schema objects one type: their `properties` (an object) or `anyOf` (a union), which
 * `Type.Optional` and the nullable wrappers carry over unchanged while copying the schema around them.
 */
const keyOf = (schema: TSchema): object => {
  const s = schema as { properties?: object; anyOf?: object };
  return s.properties ?? s.anyOf ?? schema;
};

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
const baseName = (name: string) => name.replace(/Input$/, '');

/** Pothos' field builders, called with types worked out at run time (the derived ref carries the static type). */
interface LooseObjectFields {
  field(options: Record<string, unknown> & { resolve: (parent: Record<string, unknown>) => unknown }): FieldRef<Types>;
}
type LooseInputField = (options: Record<string, unknown>) => InputFieldRef<Types, unknown>;

export const schemaTypes = (builder: GraphQLBuilder, policy: SchemaTypePolicy = {}): SchemaTypes => {
  const cache = caches.get(builder) ?? { objects: new Map(), inputs: new Map(), enums: new Map() };
  caches.set(builder, cache);

  const enumRef = (schema: TSchema, values: readonly string[], name: string): unknown => {
    const cached = cache.enums.get(keyOf(schema));
    if (cached) return cached;
    const ref = builder.enumType(name, { values: Object.fromEntries(values.map((v) => [v, { value: v }])) });
    cache.enums.set(keyOf(schema), ref);
    return ref;
  };

  /** The Pothos type of a shape; nested objects and enums are derived (or found) on the way. */
  const typeOf = (shape: SchemaShape, hint: string, input: boolean): unknown => {
    switch (shape.kind) {
      case 'scalar':
        return shape.name;
      case 'enum':
        return enumRef(shape.schema, shape.values, nameOfSchema(shape.schema) ?? hint);
      case 'object': {
        const own = nameOfSchema(shape.schema);
        return input ? inputType(shape.schema, own ? `${own}Input` : `${hint}Input`, {}) : objectType(shape.schema, own ?? hint, {});
      }
      case 'list':
        return [typeOf(shape.item.shape, hint, input)];
    }
  };

  /** `type` and nullability of a field in Pothos' terms (lists say it for the list and for its items). */
  const fieldConfig = (field: SchemaField, hint: string, input: boolean) => {
    const type = typeOf(field.shape, hint, input);
    const item = field.shape.kind === 'list' ? field.shape.item : undefined;
    const description = field.description === undefined ? {} : { description: field.description };
    if (input) {
      const required = item ? { list: !field.nullable, items: !item.nullable } : !field.nullable;
      return { type, required, ...description };
    }
    // Output fields: null where the schema allows it; otherwise the builder's default (GraphQL's nullable by
    // default, so that a failing resolver nulls its own field rather than its parent).
    if (item?.nullable) return { type, nullable: { list: true, items: true }, ...description };
    return { type, ...(field.nullable ? { nullable: true } : {}), ...description };
  };

  const objectType = <S extends TObject>(schema: S, name: string, options: ObjectTypeOptions<Static<S>>): ObjectRef<Types, Static<S>> => {
    const cached = cache.objects.get(keyOf(schema)) as ObjectRef<Types, Static<S>> | undefined;
    if (cached) return cached;
    const ref = builder.objectRef<Static<S>>(name);
    cache.objects.set(keyOf(schema), ref);
    const overrides = options.fields ?? {};
    const derived = fieldsOf(schema, name, policy, new Set([...(options.omit ?? []), ...Object.keys(overrides)])).map(
      ({ key, field }) => [key, fieldConfig(field, `${name}${pascal(key)}`, false)] as const,
    );
    const description = options.description ?? schema.description;
    ref.implement({
      ...(description === undefined ? {} : { description }),
      fields: (t) => ({
        ...Object.fromEntries(
          derived.map(([key, config]) => [key, (t as unknown as LooseObjectFields).field({ ...config, resolve: (parent) => parent[key] })]),
        ),
        ...Object.fromEntries(Object.entries(overrides).map(([key, build]) => [key, build(t)])),
      }),
    });
    return ref;
  };

  const inputType = <S extends TObject, O extends InputOverrides, K extends string>(
    schema: S,
    name: string,
    options: InputTypeOptions<O, K>,
  ): InputObjectRef<Types, DerivedInput<Static<S>, O, K>> => {
    const cached = cache.inputs.get(keyOf(schema)) as InputObjectRef<Types, DerivedInput<Static<S>, O, K>> | undefined;
    if (cached) return cached;
    const overrides: Readonly<Record<string, (t: InputFields) => InputFieldRef<Types, unknown>>> = options.fields ?? {};
    const skip = new Set<string>([...(options.omit ?? []), ...Object.keys(overrides)]);
    const derived = fieldsOf(schema, name, policy, skip).map(
      ({ key, field }) => [key, fieldConfig(field, `${baseName(name)}${pascal(key)}`, true)] as const,
    );
    const description = options.description ?? schema.description;
    const ref = builder.inputType(name, {
      ...(description === undefined ? {} : { description }),
      fields: (t) => ({
        ...Object.fromEntries(derived.map(([key, config]) => [key, (t.field as unknown as LooseInputField)(config)])),
        ...Object.fromEntries(Object.entries(overrides).map(([key, build]) => [key, build(t)])),
      }),
    });
    cache.inputs.set(keyOf(schema), ref);
    return ref as unknown as InputObjectRef<Types, DerivedInput<Static<S>, O, K>>;
  };

  /** The name of a type asked for by the caller; the same schema under another name is a mistake. */
  const nameFor = (map: Map<object, unknown>, schema: TSchema, wanted: string | undefined): string => {
    const cached = map.get(keyOf(schema)) as { name: string } | undefined;
    if (!wanted && cached) return cached.name;
    if (!wanted) throw new Error('GraphQL type from schema: an object schema needs a name ($id, title or the name option)');
    if (cached && cached.name !== wanted) {
      throw new Error(`GraphQL type from schema: the schema of ${cached.name} cannot also be ${wanted} (one schema, one type)`);
    }
    return wanted;
  };

  const object: SchemaTypes['object'] = (schema, options = {}) =>
    objectType(schema, nameFor(cache.objects, schema, options.name ?? nameOfSchema(schema)), options);

  const input: SchemaTypes['input'] = (schema, options = {}) => {
    const own = nameOfSchema(schema);
    return inputType(schema, nameFor(cache.inputs, schema, options.name ?? (own ? `${own}Input` : undefined)), options);
  };

  const args = <S extends TObject, K extends keyof Static<S> & string>(arg: ArgFields['field'], schema: S, pick?: readonly K[]) => {
    const keys = new Set<string>(pick ?? Object.keys(schema.properties));
    const skip = new Set(Object.keys(schema.properties).filter((k) => !keys.has(k)));
    const fields = fieldsOf(schema, 'argument', policy, skip);
    return Object.fromEntries(
      fields.map(({ key, field }) => [key, (arg as unknown as LooseInputField)(fieldConfig(field, pascal(key), true))]),
    ) as unknown as DerivedArgs<Static<S>, K>;
  };

  return { object, input, args };
};
