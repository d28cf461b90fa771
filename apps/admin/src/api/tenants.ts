import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';
import { readSession, writeSession } from './session.js';

const TenantListDocument = graphql(`
  query TenantList {
    tenants(first: 100) {
      items {
        id
        slug
        name
        isActive
      }
    }
  }
`);

const CreateTenantDocument = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant {
        id
        name
      }
    }
  }
`);

const UpdateTenantDocument = graphql(`
  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {
    updateTenant(id: $id, input: $input) {
      id
      isActive
    }
  }
`);

const SwitchTenantDocument = graphql(`
  mutation SwitchTenant($tenantId: ID!, $reason: String!) {
    switchTenant(tenantId: $tenantId, reason: $reason) {
      accessToken
    }
  }
`);

type TenantNode = NonNullable<NonNullable<ResultOf<typeof TenantListDocument>['tenants']>['items']>[number];

/** A tenant as the platform operator's tenants screen shows it. */
const tenantOf = (t: TenantNode) => ({ id: t.id ?? '', slug: t.slug ?? '', name: t.name ?? '', isActive: t.isActive ?? false });
export type Tenant = ReturnType<typeof tenantOf>;

export const tenantsQuery = queryOptions({
  queryKey: ['platform', 'tenants'],
  queryFn: async () => ({ items: ((await gql(TenantListDocument)).tenants?.items ?? []).map(tenantOf) }),
});

export interface NewTenant {
  readonly name: string;
  readonly slug: string;
  readonly owner: { readonly email: string; readonly password: string };
}

export const createTenant = async (input: NewTenant) => {
  const { createTenant: created } = await gql(CreateTenantDocument, { input: { ...input, owner: { ...input.owner } } });
  return { tenant: { id: created?.tenant?.id ?? '', name: created?.tenant?.name ?? input.name } };
};

export const setTenantActive = async ({ id, isActive }: { id: string; isActive: boolean }) =>
  (await gql(UpdateTenantDocument, { id, input: { isActive } })).updateTenant;

/** Acts in a tenant (audited with the reason): the session becomes the tenant's, the operator's is kept to return to. */
export const actInTenant = async ({ tenant, reason }: { tenant: Tenant; reason: string }): Promise<void> => {
  const operator = readSession();
  if (!operator) throw new Error('not signed in');
  const own = operator.acting?.operator ?? operator;
  const { switchTenant } = await gql(SwitchTenantDocument, { tenantId: tenant.id, reason });
  if (!switchTenant?.accessToken) throw new Error('the tenant switch answered no access token');
  writeSession({ tenant: tenant.id, accessToken: switchTenant.accessToken, acting: { tenantName: tenant.name, operator: own } });
};

/** Back to the operator's own session. */
export const returnToPlatform = (): void => {
  const session = readSession();
  if (session?.acting) writeSession(session.acting.operator);
};
