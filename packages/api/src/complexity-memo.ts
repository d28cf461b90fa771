import type { DocumentNode } from 'graphql';

/** Variables sets remembered per document (a document run with ever new variables forgets the oldest). */
const PER_DOCUMENT = 64;

/**
 * Complexities already computed, per parsed document (mercurius keeps parsed documents in its cache,
 * so the same query text arrives as the same object) and per operation name and variables: the
 * complexity is a function of those alone, and computing it walks the whole document on every request.
 */
export const createComplexityMemo = () => {
  const byDocument = new WeakMap<DocumentNode, Map<string, number>>();
  const keyOf = (operationName: string | undefined, variables: Record<string, unknown> | undefined): string =>
    `${operationName ?? ''}\u0000${variables === undefined ? '' : JSON.stringify(variables)}`;
  return {
    get: (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined) =>
      byDocument.get(document)?.get(keyOf(operationName, variables)),
    set(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined, complexity: number) {
      let known = byDocument.get(document);
      if (!known) {
        known = new Map();
        byDocument.set(document, known);
      }
      if (known.size >= PER_DOCUMENT) known.delete(known.keys().next().value as string);
      known.set(keyOf(operationName, variables), complexity);
    },
  };
};
