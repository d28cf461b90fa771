import type { TenantRef } from '@rustok/kernel';
import type { TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';

/**
 * The shared vocabulary of the isolation suite. Each area of the surface (platform and auth,
 * content, blog, …) is one file that defines an `Area`: how to make a tenant's own objects of the
 * area, and an entry for each of its REST routes and GraphQL root fields saying how B's objects are
 * named there and what A may do with them. `index.ts` lists the areas; `checks.ts` holds the
 * checks the entries are built from.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Response = LightMyRequestResponse;
type Headers = Record<string, string>;

/** One tenant of the suite: its administrator, and the objects every area made for it. */
export interface Side {
  readonly tenant: TenantRef;
  readonly adminId: string;
  /** Bearer token of the tenant's admin and the tenant header. */
  readonly admin: Headers;
  readonly token: string;
  /** Objects of each area by area name; read them with `area.of(side)`. */
  readonly objects: ReadonlyMap<string, unknown>;
}

export interface GraphQLReply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}
export type Gql = (headers: Headers, query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply & { text: string }>;

export interface World {
  readonly p: TestPlatform;
  readonly a: Side;
  readonly b: Side;
  call(method: Method, url: string, headers?: Headers, payload?: unknown): Promise<Response>;
  readonly gql: Gql;
  /** Identifiers and contents of B that nothing shown to A may contain (unless A sent them itself). */
  readonly secretsOfB: readonly string[];
}

export interface TenantRoute {
  readonly kind: 'tenant';
  /** Reachable without a token (still tenant-scoped). */
  readonly public?: boolean;
  /** B's value for each path parameter of the route. */
  readonly paramsOfB?: Readonly<Record<string, (w: World) => string>>;
  /** Query string (without `?`) the route needs, e.g. a required parameter. */
  readonly query?: (w: World) => string;
  /** Request body; derived from the route's request schema (required properties) when absent. */
  readonly body?: (w: World) => unknown;
  /** Further request headers, e.g. the capability token of B's object (sent with every call of the entry). */
  readonly headers?: (w: World) => Headers;
  /** Status for A's admin; by default 404 when the path names B's objects, else 200 for GET and 2xx otherwise. */
  readonly status?: number;
  readonly code?: string;
  /** Further checks after the call (and clean-up of A's side). */
  readonly after?: (w: World, res: Response) => Promise<void>;
}

interface PlatformRoute {
  /** `access.tenant: false`: platform administration, a tenant's admin gets 403. */
  readonly kind: 'platform';
  readonly paramsOfB?: Readonly<Record<string, (w: World) => string>>;
  readonly body?: (w: World) => unknown;
}

/** Public and tenant-independent (`access: { public: true, tenant: false }`): the same answer for anyone, naming no tenant's data. */
interface PublicRoute {
  readonly kind: 'public';
  /** The URL called, for a route with parameters (they name no tenant's objects). */
  readonly url?: string;
  readonly paramsOfB?: undefined;
  readonly body?: undefined;
}

interface GraphQLRoute {
  /** The GraphQL endpoint: its fields are checked one by one from the areas' `graphql` entries. */
  readonly kind: 'graphql';
  readonly paramsOfB?: undefined;
  readonly body?: undefined;
}

export type RouteCase = TenantRoute | PlatformRoute | PublicRoute | GraphQLRoute;

/** The cross-tenant check of one GraphQL root field. */
export type GraphQLCheck = (w: World) => Promise<void>;

/** The cross-tenant check of one MCP tool (A's token for B refused; A naming B's objects gets the tool's not-found). */
export type McpCheck = (w: World) => Promise<void>;

/** What an area's setup gets: the tenant being set up, with the objects of the areas listed before this one. */
interface SetupContext {
  readonly p: TestPlatform;
  readonly side: Side;
  /** `b` is the tenant whose objects A must not reach. */
  readonly role: 'a' | 'b';
  call(method: Method, url: string, headers?: Headers, payload?: unknown): Promise<Response>;
  /** POSTs as the tenant's admin, expects a 2xx and returns the answer's `id`. */
  created(url: string, payload?: unknown): Promise<string>;
}

export interface AreaSpec<T> {
  /** Unique among the areas. */
  readonly name: string;
  /** Makes the tenant's own objects of the area (runs for A, then for B). */
  setup(ctx: SetupContext): Promise<T>;
  /** Every REST route of the area, keyed `METHOD /path/{param}` as in the OpenAPI document. */
  readonly routes: Readonly<Record<string, RouteCase>>;
  /** Every GraphQL root field of the area, keyed `Query.<field>` / `Mutation.<field>`. */
  readonly graphql: Readonly<Record<string, GraphQLCheck>>;
  /** Every MCP tool of the area, by name (the tools the modules declare; see mcp.ts). */
  readonly mcp?: Readonly<Record<string, McpCheck>>;
  /** Identifiers and contents among the area's objects of B that must never reach A. */
  secretsOf?(objects: T): readonly string[];
  /** Tenant tables the area fills for both tenants (checked with row-level security alone). */
  readonly tablesWithData?: readonly string[];
}

export interface Area<T> extends AreaSpec<T> {
  /** The area's objects of a side. */
  of(side: Side): T;
}

export const defineArea = <T>(spec: AreaSpec<T>): Area<T> => ({
  ...spec,
  of: (side) => {
    if (!side.objects.has(spec.name)) throw new Error(`the area "${spec.name}" has not been set up for ${side.tenant.slug}`);
    return side.objects.get(spec.name) as T;
  },
});
