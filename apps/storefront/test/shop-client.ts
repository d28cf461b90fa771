import type { ShopHarness } from './harness.js';

/** A shopper without JavaScript: plain GETs and form posts, cookies carried from answer to answer. */
export interface Shopper {
  readonly cookies: Map<string, string>;
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** Follows a 303 (or returns the answer as it is). */
  follow(response: Response): Promise<Response>;
  cookie(): string;
}

const keep = (cookies: Map<string, string>, response: Response): void => {
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const gone = attributes.some((a) => a.trim().toLowerCase() === 'max-age=0');
    if (gone) cookies.delete(name);
    else cookies.set(name, value);
  }
};

export const shopper = (shop: ShopHarness, host?: string): Shopper => {
  const cookies = new Map<string, string>();
  const cookie = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const self: Shopper = {
    cookies,
    cookie,
    async get(path) {
      const response = await shop.page(path, { cookie: cookie(), ...(host ? { host } : {}) });
      keep(cookies, response);
      return response;
    },
    async post(path, fields, headers = {}) {
      const response = await fetch(`${shop.server.address}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: cookie(), ...headers },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
      keep(cookies, response);
      return response;
    },
    async follow(response) {
      const location = response.headers.get('location');
      return response.status === 303 && location ? self.get(location) : response;
    },
  };
  return self;
};

/** The id of a demo product's first variant (from the public read path). */
export const variantOf = async (shop: ShopHarness, handle: string, index = 0): Promise<string> => {
  const product = await shop.api<{ variants: { id: string }[] }>('GET', `/store/products/${handle}`, undefined, {});
  const id = product.body.variants[index]?.id;
  if (!id) throw new Error(`no variant ${index} of ${handle}`);
  return id;
};
