/** The tenant a request or job acts for, as resolved from the request. */
export interface TenantRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly isActive: boolean;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** Who is calling, within which tenant, allowed to do what. */
export interface Principal {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<string>;
  /** The refresh-token family (session) the access token was issued for, when it has one. */
  readonly sessionId?: string;
  /** Set when a platform administrator acts in this tenant through a tenant switch: who they really are. */
  readonly impersonatedBy?: { readonly userId: string; readonly tenantId: string };
  /** Set when the caller authenticated with a personal access token: which one, and how MCP exposes tools to it. */
  readonly accessToken?: PrincipalAccessToken;
}

/** The personal access token a principal authenticated with. */
export interface PrincipalAccessToken {
  readonly id: string;
  /** The MCP exposure mode chosen for the token (`direct` or `catalog`). */
  readonly mcpMode: 'direct' | 'catalog';
  /** Every permission of the token is a read-only one: MCP offers it read-only tools only. */
  readonly readOnly: boolean;
}

const BUILT_IN_ROLES = ['super_admin', 'admin', 'manager', 'editor', 'customer'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

/** `<module>.<entity>.<action>`; `*` in the action or entity position grants every one. */
export const permissionMatches = (granted: string, wanted: string): boolean => {
  if (granted === '*' || granted === wanted) return true;
  const g = granted.split('.');
  const w = wanted.split('.');
  return g.length === 3 && w.length === 3 && g.every((part, i) => part === '*' || part === w[i]);
};

export const hasPermission = (principal: Principal | undefined, wanted: string): boolean => {
  if (!principal) return false;
  if (principal.permissions.has(wanted)) return true;
  for (const granted of principal.permissions) if (permissionMatches(granted, wanted)) return true;
  return false;
};
