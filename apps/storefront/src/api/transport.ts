import type { FastifyInstance } from 'fastify';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One call of the platform's REST API (`/api/v1` + path), on behalf of one shopper's request. */
export interface ApiRequest {
  readonly method: ApiMethod;
  /** Under /api/v1, with its query string: `/store/products?limit=20`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The shopper's address: rate limits count the shopper, not the storefront. */
  readonly clientIp: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  /** The body as sent (JSON text, or empty). */
  readonly text: string;
}

/** How the storefront reaches the API: in the same process, or over HTTP when it runs on its own. */
export type ApiTransport = (request: ApiRequest) => Promise<ApiResponse>;

const withJson = (request: ApiRequest): Record<string, string> =>
  request.body === undefined ? { ...request.headers } : { ...request.headers, 'content-type': 'application/json' };

/** The API of the same Fastify app, without a socket: Fastify's `inject` runs the whole request pipeline. */
export const injectTransport =
  (app: FastifyInstance): ApiTransport =>
  async (request) => {
    const response = await app.inject({
      method: request.method,
      url: `/api/v1${request.path}`,
      headers: withJson(request),
      remoteAddress: request.clientIp,
      ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
    });
    return { status: response.statusCode, headers: response.headers, text: response.payload };
  };

/** Host cannot be set on a fetch: it travels as X-Forwarded-Host, beside the shopper's address. */
const forwarded = (request: ApiRequest): Record<string, string> => {
  const { host, ...headers } = withJson(request);
  return { ...headers, ...(host ? { 'x-forwarded-host': host } : {}), 'x-forwarded-for': request.clientIp };
};

/**
 * The API of another process (`baseUrl` = its origin). The shopper's Host and address travel as
 * X-Forwarded-Host and X-Forwarded-For, which that server believes only from its configured proxies
 * (server.trust_proxy must name the storefront's address).
 */
export const httpTransport =
  (baseUrl: string): ApiTransport =>
  async (request) => {
    const response = await fetch(new URL(`/api/v1${request.path}`, baseUrl), {
      method: request.method,
      headers: forwarded(request),
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      redirect: 'manual',
    });
    return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
  };
