import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';
import { buildSchema } from '@rustok/api';
import { builtInModules, PLATFORM_MODULES } from '@rustok/server';
import { introspectionFromSchema, printSchema } from 'graphql';

/** The server's GraphQL schema with every built-in module: what the admin app's documents are typed and checked against. */
export const serverSchema = () => buildSchema([...PLATFORM_MODULES, ...builtInModules]).schema;

/**
 * The files the admin app's typed documents read, by name: the schema's SDL, and its introspection
 * as types for gql.tada (graphql-env.d.ts).
 */
export const graphqlSchemaFiles = (): Record<string, string> => {
  const schema = serverSchema();
  const introspection = minifyIntrospection(introspectionFromSchema(schema, { descriptions: false }));
  return {
    'schema.graphql': `${printSchema(schema)}\n`,
    'graphql-env.d.ts': outputIntrospectionFile(introspection, { fileType: '.d.ts', shouldPreprocess: true }),
  };
};
