import type { TestPlatform } from '@rustok/testing';

/**
 * A published product for the fuzzers to aim at: its id, handle and variant ids are the "known" ids
 * they mix into requests. `variant` is the one variant's body beyond its title.
 */
export const fuzzProduct = async (
  p: TestPlatform,
  headers: Record<string, string>,
  variant: Record<string, unknown>,
): Promise<string[]> => {
  const product = await p.app.inject({
    method: 'POST',
    url: '/api/v1/commerce/products',
    headers,
    payload: { title: 'Fuzz lamp', status: 'published', variants: [{ title: 'One', ...variant }] },
  });
  const created = product.json<{ id: string; handle: string; variants: { id: string }[] }>();
  return [created.id, created.handle, ...created.variants.map((v) => v.id)];
};
