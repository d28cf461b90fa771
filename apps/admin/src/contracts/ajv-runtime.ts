// What compiled validators call at run time (formats, string length in code points, deep equality), from Ajv's own CommonJS packages. Bundlers hand a CommonJS default over in more than
// one shape: the function is taken from wherever it sits.

import * as equalModule from 'ajv/dist/runtime/equal.js';
import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import * as formats from 'ajv-formats/dist/formats.js';

type Fn = (...args: never[]) => unknown;

/** The module's function: itself, or its `default`, or that one's `default`. */
const functionOf = <T extends Fn>(module: unknown): T => {
  let value = module as { default?: unknown } | undefined;
  for (let i = 0; i < 3 && typeof value !== 'function' && value; i++) value = value.default as { default?: unknown } | undefined;
  if (typeof value !== 'function') throw new Error('an Ajv runtime function could not be found in its module');
  return value as unknown as T;
};

const formatsModule = formats as unknown as { fullFormats?: object; default?: { fullFormats?: object } };

export const fullFormats = formatsModule.fullFormats ?? formatsModule.default?.fullFormats ?? {};
export const equal = functionOf<(a: unknown, b: unknown) => boolean>(equalModule);
export const ucs2length = functionOf<(text: string) => number>(ucs2lengthModule);
