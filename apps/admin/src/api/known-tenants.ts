/**
 * The tenants this browser has signed in to, most recent first: slugs only, no tokens or names.
 * Users belong to one tenant each (the same e-mail address may have an account in several), so
 * switching tenant means signing in there; this list only saves typing the tenant again.
 */
const KEY = 'rustok.admin.tenants';
const MAX = 10;
const TENANT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export const knownTenants = (): string[] => {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string' && TENANT.test(t)).slice(0, MAX) : [];
  } catch {
    return [];
  }
};

/** Puts the tenant first in the list (once). */
export const rememberTenant = (tenant: string): void => {
  if (!TENANT.test(tenant)) return;
  const next = [tenant, ...knownTenants().filter((t) => t !== tenant)].slice(0, MAX);
  localStorage.setItem(KEY, JSON.stringify(next));
};

export const forgetTenant = (tenant: string): void => {
  localStorage.setItem(KEY, JSON.stringify(knownTenants().filter((t) => t !== tenant)));
};
