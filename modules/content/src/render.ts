import { createRequire } from 'node:module';
import { marked } from 'marked';
import type sanitizeHtml from 'sanitize-html';

export type BodyFormat = 'markdown' | 'html';

// The sanitizer (with its HTML and CSS parsers) is loaded with the first body rendered, not at
// start: a server that renders none does not carry it.
const require = createRequire(import.meta.url);

const optionsOf = (defaults: sanitizeHtml.IDefaults): sanitizeHtml.IOptions => ({
  allowedTags: [...defaults.allowedTags, 'img', 'h1', 'h2', 'del', 'ins', 'sup', 'sub'],
  allowedAttributes: {
    a: ['href', 'name', 'target', 'rel', 'title'],
    img: ['src', 'srcset', 'alt', 'title', 'width', 'height', 'loading'],
    code: ['class'],
    th: ['align'],
    td: ['align'],
    '*': ['id'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
});

interface Sanitizer {
  readonly run: typeof sanitizeHtml;
  readonly options: sanitizeHtml.IOptions;
}
let sanitizer: Sanitizer | undefined;
const loadSanitizer = (): Sanitizer => {
  if (sanitizer) return sanitizer;
  const run = require('sanitize-html') as typeof sanitizeHtml;
  sanitizer = { run, options: optionsOf(run.defaults) };
  return sanitizer;
};

/** Sanitized HTML of a body; the raw body is stored as given, only this output goes to readers. */
export const renderBody = (body: string, format: BodyFormat): string => {
  if (body.length === 0) return '';
  const html = format === 'markdown' ? marked.parse(body, { async: false, gfm: true }) : body;
  const { run, options } = loadSanitizer();
  return run(html, options);
};
