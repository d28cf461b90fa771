// What compiled validators call at run time (formats, string length in code points, deep equality,
// URI parsing), from Ajv's own packages.

export { default as equal } from 'ajv/dist/runtime/equal.js';
export { default as ucs2length } from 'ajv/dist/runtime/ucs2length.js';
export { default as uri } from 'ajv/dist/runtime/uri.js';
export { fullFormats } from 'ajv-formats/dist/formats.js';
