import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

export type BodyFormat = 'markdown' | 'html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2', 'del', 'ins', 'sup', 'sub'],
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
};

/** Sanitized HTML of a body; the raw body is stored as given, only this output goes to readers. */
export const renderBody = (body: string, format: BodyFormat): string => {
  if (body.length === 0) return '';
  const html = format === 'markdown' ? marked.parse(body, { async: false, gfm: true }) : body;
  return sanitizeHtml(html, OPTIONS);
};
