import { Lexer, type Token, type Tokens } from 'marked';
import { Fragment, type ReactNode, useDeferredValue, useMemo } from 'react';

/**
 * Markdown shown as React elements built from marked's tokens (the parser the server renders posts
 * with): nothing is ever inserted as HTML, so raw HTML in a body shows as text, and links keep only
 * web, mail and relative addresses. Headings move one level down under the screen's own heading.
 */

const SAFE_HREF = /^(https?:|mailto:|\/|#|\.{0,2}\/)|^[^:]*$/i;

const many = (tokens: readonly Token[] | undefined, render: (t: Token) => ReactNode): ReactNode =>
  // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity but their place
  (tokens ?? []).map((t, i) => <Fragment key={i}>{render(t)}</Fragment>);

const inline = (token: Token): ReactNode => {
  switch (token.type) {
    case 'strong':
      return <strong>{many((token as Tokens.Strong).tokens, inline)}</strong>;
    case 'em':
      return <em>{many((token as Tokens.Em).tokens, inline)}</em>;
    case 'del':
      return <del>{many((token as Tokens.Del).tokens, inline)}</del>;
    case 'codespan':
      return <code>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const link = token as Tokens.Link;
      const text = many(link.tokens, inline);
      return SAFE_HREF.test(link.href.trim()) ? <a href={link.href}>{text}</a> : text;
    }
    case 'image':
      return <em>{(token as Tokens.Image).text}</em>;
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? many(text.tokens, inline) : text.text;
    }
    default:
      return 'text' in token ? String(token.text) : token.raw;
  }
};

const listItem = (item: Tokens.ListItem): ReactNode => (
  <li>
    {item.task ? <input type="checkbox" checked={item.checked ?? false} disabled aria-label={item.text} /> : null}
    {many(item.tokens, block)}
  </li>
);

const heading = (token: Tokens.Heading): ReactNode => {
  const Tag = `h${Math.min(token.depth + 1, 6)}` as 'h2';
  return <Tag>{many(token.tokens, inline)}</Tag>;
};

const block = (token: Token): ReactNode => {
  switch (token.type) {
    case 'space':
      return null;
    case 'heading':
      return heading(token as Tokens.Heading);
    case 'paragraph':
      return <p>{many((token as Tokens.Paragraph).tokens, inline)}</p>;
    case 'blockquote':
      return <blockquote>{many((token as Tokens.Blockquote).tokens, block)}</blockquote>;
    case 'code':
      return (
        <pre>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'hr':
      return <hr />;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => listItem(item));
      return list.ordered ? <ol start={Number(list.start) || 1}>{many2(items)}</ol> : <ul>{many2(items)}</ul>;
    }
    case 'html':
      return <p>{(token as Tokens.HTML).text}</p>;
    default:
      return inline(token);
  }
};

// biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place
const many2 = (nodes: readonly ReactNode[]): ReactNode => nodes.map((n, i) => <Fragment key={i}>{n}</Fragment>);

/** The body as readers will see it, redrawn as it is typed (deferred, so typing stays quick). */
export const MarkdownPreview = ({ source }: { readonly source: string }) => {
  const deferred = useDeferredValue(source);
  const tokens = useMemo(() => new Lexer({ gfm: true }).lex(deferred), [deferred]);
  return <>{many(tokens, block)}</>;
};
