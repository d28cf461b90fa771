import type { ApiMethod, ApiTransport } from './transport.js';

/** An API problem (problem+json) as the storefront shows it. */
export interface ApiProblem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

export type ApiResult<T> =
  | { readonly ok: true; readonly status: number; readonly value: T }
  | { readonly ok: false; readonly status: number; readonly problem: ApiProblem };

/** On whose behalf the storefront calls the API: one shopper's request. */
export interface Shopper {
  readonly tenantId: string;
  /** The Host the shopper asked for (the API resolves the same tenant by it in host and subdomain modes). */
  readonly host: string;
  readonly clientIp: string;
  readonly accessToken?: string | undefined;
  readonly cartToken?: string | undefined;
  readonly orderToken?: string | undefined;
  readonly requestId?: string | undefined;
}

export interface ShopApi {
  get<T>(
    path: string,
    query?: Readonly<Record<string, string | number | boolean | undefined>>,
    headers?: Readonly<Record<string, string>>,
  ): Promise<ApiResult<T>>;
  send<T>(
    method: Exclude<ApiMethod, 'GET'>,
    path: string,
    body?: unknown,
    headers?: Readonly<Record<string, string>>,
  ): Promise<ApiResult<T>>;
}

export interface ApiOptions {
  readonly transport: ApiTransport;
  /** The API's tenant header (settings.rustok.tenant.header_name). */
  readonly tenantHeader: string;
}

/** `?a=1&b=x`, leaving out undefined values; '' when there are none. */
export const queryString = (query: Readonly<Record<string, string | number | boolean | undefined>> = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};

const headersOf = (options: ApiOptions, shopper: Shopper): Record<string, string> => {
  const headers: Record<string, string> = { host: shopper.host, accept: 'application/json' };
  if (options.tenantHeader && shopper.tenantId) headers[options.tenantHeader.toLowerCase()] = shopper.tenantId;
  if (shopper.accessToken) headers.authorization = `Bearer ${shopper.accessToken}`;
  if (shopper.cartToken) headers['x-cart-token'] = shopper.cartToken;
  if (shopper.orderToken) headers['x-order-token'] = shopper.orderToken;
  if (shopper.requestId) headers['x-correlation-id'] = shopper.requestId;
  return headers;
};

const problemOf = (status: number, text: string): ApiProblem => {
  try {
    const body = JSON.parse(text) as Partial<ApiProblem>;
    return {
      status,
      code: typeof body.code === 'string' ? body.code : 'UNKNOWN',
      title: typeof body.title === 'string' ? body.title : 'Error',
      detail: typeof body.detail === 'string' ? body.detail : '',
      ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
    };
  } catch {
    return { status, code: 'UNKNOWN', title: 'Error', detail: text.slice(0, 200) };
  }
};

/**
 * The API refused the shopper's call for their rate limit: thrown, so that the page answers 429
 * with the wait rather than showing a page with nothing in it.
 */
export class ShopperRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
  }
}

const resultOf = <T>(status: number, text: string, retryAfter?: unknown): ApiResult<T> => {
  if (status === 429) throw new ShopperRateLimited(Math.max(1, Number(retryAfter) || 60));
  if (status >= 200 && status < 300) return { ok: true, status, value: (text ? JSON.parse(text) : undefined) as T };
  return { ok: false, status, problem: problemOf(status, text) };
};

/** The API as one shopper reaches it: the tenant, their tokens and address on every call. */
export const shopApi = (options: ApiOptions, shopper: Shopper): ShopApi => {
  const headers = headersOf(options, shopper);
  return {
    async get(path, query, extra) {
      const response = await options.transport({
        method: 'GET',
        path: `${path}${queryString(query)}`,
        headers: extra ? { ...headers, ...extra } : headers,
        clientIp: shopper.clientIp,
      });
      return resultOf(response.status, response.text, response.headers['retry-after']);
    },
    async send(method, path, body, extra) {
      const response = await options.transport({
        method,
        path,
        headers: extra ? { ...headers, ...extra } : headers,
        clientIp: shopper.clientIp,
        ...(body === undefined ? {} : { body }),
      });
      return resultOf(response.status, response.text, response.headers['retry-after']);
    },
  };
};
