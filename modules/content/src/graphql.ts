import type { GraphQLBuilder } from '@rustok/kernel';
import { addNodeFields } from './graphql-nodes.js';
import { addRevisionFields } from './graphql-revisions.js';
import { addStatusFields } from './graphql-status.js';
import { addTaxonomyFields } from './graphql-taxonomy.js';

/** Content's GraphQL: nodes, status transitions, translations, categories, tags and revisions, over the same use-cases (and checks) as REST. */
export const contentGraphQL = (builder: GraphQLBuilder): void => {
  addNodeFields(builder);
  addTaxonomyFields(builder);
  addRevisionFields(builder);
  addStatusFields(builder);
};
