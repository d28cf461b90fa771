import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { markdownElements } from '../src/markdown.js';

const html = (source: string) => renderToStaticMarkup(createElement(Fragment, null, ...markdownElements(source)));

describe('Markdown preview', () => {
  it('draws paragraphs, headings (a level down), emphasis, links and lists', () => {
    expect(html('# Tea\n\nA *green* and **black** [shop](https://tea.example/a?b=1).\n\n- one\n- two\n\n1. first')).toBe(
      '<h2>Tea</h2><p>A <em>green</em> and <strong>black</strong> <a href="https://tea.example/a?b=1">shop</a>.</p>' +
        '<ul><li>one</li><li>two</li></ul><ol start="1"><li>first</li></ol>',
    );
  });

  it('shows raw HTML as text and never inserts it', () => {
    const out = html('<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps web, mail and relative links and drops script and data addresses (their text stays)', () => {
    expect(html('[a](javascript:alert(1)) [b](data:text/html,x) [c](JaVaScRiPt:void) [d](/about) [e](mailto:x@y.z)')).toBe(
      '<p>a b c <a href="/about">d</a> <a href="mailto:x@y.z">e</a></p>',
    );
  });

  it('shows code as it is written', () => {
    expect(html('`<b>`\n\n```\n<i>x</i>\n```')).toBe('<p><code>&lt;b&gt;</code></p><pre><code>&lt;i&gt;x&lt;/i&gt;</code></pre>');
  });
});
