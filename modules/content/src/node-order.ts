import { type AppError, isId, kernelErrors } from '@rustok/kernel';

/**
 * A metadata key a listing sorts by, before the id, greatest first: a boolean key puts `true`
 * first (a missing key counts as false); a text key (such as an ISO timestamp) compares
 * byte-wise (a missing key counts as '').
 */
export interface MetadataOrder {
  readonly key: string;
  readonly type: 'boolean' | 'text';
}

type SortValue = boolean | string;

/** What a listing adds to its SQL to sort by metadata keys and go on after a cursor. */
export interface OrderSql {
  readonly select: string;
  readonly orderBy: string;
  readonly after: string | null;
}

const expression = (o: MetadataOrder, keyParam: string): string =>
  o.type === 'boolean'
    ? `coalesce(n.metadata->>(${keyParam}::text) = 'true', false)`
    : `coalesce(n.metadata->>(${keyParam}::text), '') COLLATE "C"`;

const badCursor = (): AppError =>
  kernelErrors.VALIDATION_FAILED('The cursor is not one this listing handed out', {
    errors: [{ path: 'cursor', message: 'is not a valid cursor' }],
  });

/** The cursor after a row: its sort values and id, base64url-encoded. */
export const encodeCursor = (values: readonly SortValue[], id: string): string =>
  Buffer.from(JSON.stringify([...values, id])).toString('base64url');

const decodeCursor = (order: readonly MetadataOrder[], cursor: string): { values: SortValue[]; id: string } => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== order.length + 1) throw badCursor();
  const values = parsed.slice(0, -1) as unknown[];
  const id = parsed[parsed.length - 1];
  const typed = values.every((v, i) => typeof v === (order[i]?.type === 'boolean' ? 'boolean' : 'string'));
  if (!typed || typeof id !== 'string' || !isId(id)) throw badCursor();
  return { values: values as SortValue[], id };
};

/**
 * ORDER BY the metadata keys then the id (all descending), and the keyset condition for a cursor:
 * a row comparison, so ties on the keys are broken by the id. `param` adds a parameter and
 * returns its placeholder.
 */
export const orderSql = (order: readonly MetadataOrder[], cursor: string | undefined, param: (value: unknown) => string): OrderSql => {
  const expressions = order.map((o) => expression(o, param(o.key)));
  const select = expressions.map((e, i) => `, ${e} AS sort_${i}`).join('');
  const orderBy = [...expressions.map((e) => `${e} DESC`), 'n.id DESC'].join(', ');
  if (cursor === undefined) return { select, orderBy, after: null };
  const { values, id } = decodeCursor(order, cursor);
  const bounds = values.map((v, i) => (order[i]?.type === 'boolean' ? `${param(v)}::boolean` : `${param(v)}::text COLLATE "C"`));
  return { select, orderBy, after: `(${[...expressions, 'n.id'].join(', ')}) < (${[...bounds, `${param(id)}::uuid`].join(', ')})` };
};
