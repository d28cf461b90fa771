import { Lexer, type Token, type Tokens } from 'marked';
import { Fragment, createElement as h, type ReactNode } from 'react';

/**
 * Markdown as React elements built from marked's tokens (the parser the server renders posts with):
 * nothing is ever inserted as HTML, so raw HTML in a body shows as text, and links keep only web,
 * mail and relative addresses. Headings move one level down, under the screen's own heading.
 */

const SAFE_HREF = /^(https?:|mailto:|[/#.])|^[^:]*$/i;

/** Each token drawn, keyed by its place (tokens have no other identity). */
const many = (tokens: readonly Token[] | undefined, render: (t: Token) => ReactNode): ReactNode[] =>
  (tokens ?? []).map((t, i) => h(Fragment, { key: i }, render(t)));

const inline = (token: Token): ReactNode => {
  switch (token.type) {
    case 'strong':
    case 'em':
    case 'del':
      return h(token.type, null, ...many((token as Tokens.Strong).tokens, inline));
    case 'codespan':
      return h('code', null, (token as Tokens.Codespan).text);
    case 'br':
      return h('br');
    case 'link': {
      const link = token as Tokens.Link;
      const text = many(link.tokens, inline);
      return SAFE_HREF.test(link.href.trim()) ? h('a', { href: link.href }, ...text) : text;
    }
    case 'image':
      return h('em', null, (token as Tokens.Image).text);
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? many(text.tokens, inline) : text.text;
    }
    default:
      return 'text' in token ? String(token.text) : token.raw;
  }
};

const listItem = (item: Tokens.ListItem): ReactNode =>
  h(
    'li',
    null,
    item.task
      ? h('input', { type: 'checkbox', checked: item.checked ?? false, readOnly: true, disabled: true, 'aria-label': item.text })
      : null,
    ...many(item.tokens, block),
  );

const block = (token: Token): ReactNode => {
  switch (token.type) {
    case 'space':
      return null;
    case 'heading': {
      const heading = token as Tokens.Heading;
      return h(`h${Math.min(heading.depth + 1, 6)}`, null, ...many(heading.tokens, inline));
    }
    case 'paragraph':
      return h('p', null, ...many((token as Tokens.Paragraph).tokens, inline));
    case 'blockquote':
      return h('blockquote', null, ...many((token as Tokens.Blockquote).tokens, block));
    case 'code':
      return h('pre', null, h('code', null, (token as Tokens.Code).text));
    case 'hr':
      return h('hr');
    case 'list': {
      const list = token as Tokens.List;
      const items = many(list.items, (item) => listItem(item as Tokens.ListItem));
      return list.ordered ? h('ol', { start: Number(list.start) || 1 }, ...items) : h('ul', null, ...items);
    }
    case 'html':
      return h('p', null, (token as Tokens.HTML).text);
    default:
      return inline(token);
  }
};

/** The elements of a Markdown text (GitHub's flavour, as the server reads it). */
export const markdownElements = (source: string): ReactNode[] => many(new Lexer({ gfm: true }).lex(source), block);
