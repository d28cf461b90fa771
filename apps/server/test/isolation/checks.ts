import { expect } from 'vitest';
import type { GraphQLCheck, GraphQLReply, Response, TenantRoute, World } from './world.js';

/** The checks the areas' entries are built from: what A's answers may hold, and the usual GraphQL entries. */

export const listedIds = (res: Response): string[] => res.json<{ items: { id: string }[] }>().items.map((n) => n.id);

export const expectNoSecretsOfB = (w: World, text: string, sentByA: readonly string[] = []): void => {
  const leaked = w.secretsOfB.filter((secret) => !sentByA.some((sent) => sent.includes(secret)) && text.includes(secret));
  expect(leaked, `B's data in an answer to A: ${text.slice(0, 500)}`).toEqual([]);
};

export const errorCodes = (reply: GraphQLReply): (string | undefined)[] | undefined => reply.errors?.map((e) => e.extensions?.code);

/**
 * The usual check of a GraphQL field that names B's object: A's admin gets exactly `code`, and
 * nothing of B but what A sent.
 */
export const refusedForB =
  (query: string, variablesOfB: (w: World) => Record<string, unknown>, code: string): GraphQLCheck =>
  async (w) => {
    const variables = variablesOfB(w);
    const reply = await w.gql(w.a.admin, query, variables);
    expect(errorCodes(reply), reply.text).toEqual([code]);
    expectNoSecretsOfB(w, reply.text, [JSON.stringify(variables)]);
  };

/** A list field answered to A's admin: no error, A's own object listed, nothing of B. */
export const listsOnlyA =
  (query: string, itemsOf: (data: Record<string, unknown>) => readonly { id: string }[], idOfA: (w: World) => string): GraphQLCheck =>
  async (w) => {
    const reply = await w.gql(w.a.admin, query);
    expect(reply.errors, reply.text).toBeUndefined();
    expect(itemsOf(reply.data ?? {}).map((i) => i.id)).toContain(idOfA(w));
    expectNoSecretsOfB(w, reply.text);
  };

/** Ids of a tenant table as the tenant sees them (row-level security scopes the query). */
export const idsIn = (w: World, tenantId: string, table: string): Promise<string[]> =>
  w.p.database.db.transaction(async (tx) => (await tx.query<{ id: string }>(`SELECT id FROM ${table}`)).rows.map((r) => r.id), {
    tenantId,
  });

/** A mutation of A's admin that creates an object: no error, and the object is in A's `table`, not in B's. */
export const createdInA =
  (query: string, variables: Record<string, unknown>, field: string, table: string): GraphQLCheck =>
  async (w) => {
    const reply = await w.gql(w.a.admin, query, variables);
    expect(reply.errors, reply.text).toBeUndefined();
    const id = (reply.data?.[field] as { id: string } | undefined)?.id ?? '';
    expect(await idsIn(w, w.a.tenant.id, table)).toContain(id);
    expect(await idsIn(w, w.b.tenant.id, table)).not.toContain(id);
    expectNoSecretsOfB(w, reply.text);
  };

/** `listsOnlyA` for a paged field (`{ items { id … } }`): the items are those of `field` in the answer. */
export const pageListsOnlyA = (field: string, query: string, idOfA: (w: World) => string): GraphQLCheck =>
  listsOnlyA(query, (data) => (data[field] as { items: { id: string }[] }).items, idOfA);

/** A tenant route entry that names B's objects (`paramsOfB`): A's admin gets `code`; `more` adds a body, headers or checks. */
export const refusedRoute = (
  paramsOfB: NonNullable<TenantRoute['paramsOfB']>,
  code: string,
  more: Omit<TenantRoute, 'kind' | 'paramsOfB' | 'code'> = {},
): TenantRoute => ({ kind: 'tenant', paramsOfB, ...more, code });
