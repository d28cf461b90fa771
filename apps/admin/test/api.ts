import type { AdminHarness } from './browser.js';

/** JSON calls of the REST API beside the browser (setting up what a test then does in the UI). */
export interface ApiCall {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export const apiOf = (h: AdminHarness) => {
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiCall> => {
    const res = await fetch(`${h.server.address}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };
  const expectStatus = (what: string, res: ApiCall, status: number): ApiCall => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const tokenOf = async (tenant: string, email: string, password: string): Promise<string> =>
    String(expectStatus('login', await call('POST', '/auth/login', { email, password }, { 'x-tenant-id': tenant }), 200).body.accessToken);
  /** A tenant with its owner, made by the platform administrator; the owner's headers. */
  const tenantWithOwner = async (slug: string, owner: { email: string; password: string }) => {
    const operator = await tokenOf('default', h.admin.email, h.admin.password);
    const body = { name: `${slug} shop`, slug, owner };
    expectStatus('create tenant', await call('POST', '/platform/tenants', body, { authorization: `Bearer ${operator}` }), 201);
    return { authorization: `Bearer ${await tokenOf(slug, owner.email, owner.password)}`, 'x-tenant-id': slug };
  };
  return { call, expectStatus, tokenOf, tenantWithOwner };
};
