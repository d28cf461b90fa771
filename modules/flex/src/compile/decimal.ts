/**
 * Exact decimals written as text ("12.50", "-0.000000001"): a bound given as a number in a field
 * definition is written out in full (no exponent) and compared digit by digit, never as a float.
 */

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;
const EXPONENT = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i;

/** A finite number as a plain decimal string: 1e21 → "1000000000000000000000", 1.5e-7 → "0.00000015". */
export const decimalBound = (value: number): string => {
  const text = String(value);
  const match = EXPONENT.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/\.?0+$/, '');
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
};

const scaled = (text: string, scale: number): bigint | undefined => {
  const match = PLAIN.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = ''] = match;
  const n = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign === '-' ? -n : n;
};

const scaleOf = (text: string): number => {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
};

/** -1, 0 or 1 as a is less than, equal to or greater than b; undefined when either is not a plain decimal. */
export const compareDecimals = (a: string, b: string): -1 | 0 | 1 | undefined => {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const x = scaled(a, scale);
  const y = scaled(b, scale);
  if (x === undefined || y === undefined) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
};

export interface DecimalRange {
  readonly minimum?: string;
  readonly maximum?: string;
}

/** Why a decimal text is out of its range, or undefined when it is in range (or not a decimal: the pattern says so). */
export const decimalRangeProblem = (range: DecimalRange, value: string): string | undefined => {
  if (range.minimum !== undefined && compareDecimals(value, range.minimum) === -1) return `must be >= ${range.minimum}`;
  if (range.maximum !== undefined && compareDecimals(value, range.maximum) === 1) return `must be <= ${range.maximum}`;
  return undefined;
};
