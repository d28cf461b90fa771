import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';
import { readSession, writeSession } from './session.js';

/** A tenant as the platform operator sees it (GET /platform/tenants). */
export interface Tenant {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly isActive: boolean;
  readonly domains: readonly string[];
  readonly createdAt: string;
}

export const tenantsQuery = queryOptions({
  queryKey: ['platform', 'tenants'],
  queryFn: () => api<{ items: Tenant[]; nextCursor: string | null }>('/platform/tenants?limit=100'),
});

export interface NewTenant {
  readonly name: string;
  readonly slug: string;
  readonly owner: { readonly email: string; readonly password: string };
}

export const createTenant = (input: NewTenant) => api<{ tenant: Tenant }>('/platform/tenants', { method: 'POST', body: input });

export const setTenantActive = ({ id, isActive }: { id: string; isActive: boolean }) =>
  api<Tenant>(`/platform/tenants/${id}`, { method: 'PATCH', body: { isActive } });

/** Acts in a tenant (audited with the reason): the session becomes the tenant's, the operator's is kept to return to. */
export const actInTenant = async ({ tenant, reason }: { tenant: Tenant; reason: string }): Promise<void> => {
  const operator = readSession();
  if (!operator) throw new Error('not signed in');
  const own = operator.acting?.operator ?? operator;
  const res = await api<{ accessToken: string }>(`/platform/tenants/${tenant.id}/switch`, { method: 'POST', body: { reason } });
  writeSession({ tenant: tenant.id, accessToken: res.accessToken, acting: { tenantName: tenant.name, operator: own } });
};

/** Back to the operator's own session. */
export const returnToPlatform = (): void => {
  const session = readSession();
  if (session?.acting) writeSession(session.acting.operator);
};
