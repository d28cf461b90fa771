/// <reference types="vite/client" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { definedCatalogues, plural } from '../src/i18n/messages.js';

const SRC = join(import.meta.dirname, '../src');
const SPOKEN = new Set(['aria-label', 'placeholder', 'title', 'alt', 'label', 'hint']);

/** Screens whose texts are not in catalogues yet; the list only shrinks (the test fails when a listed file has none left). */
const NOT_YET_TRANSLATED: readonly string[] = [];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );

/** Words written into markup: JSX text and string attributes people read or hear (labels, placeholders, titles). */
const literalTexts = (source: string): string[] => {
  const file = ts.createSourceFile('screen.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer) && SPOKEN.has(node.name.getText()))
      found.push(node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.filter((t) => /\p{L}{2,}/u.test(t.replace(/\bRusToK\b/g, '')));
};

describe('admin texts', () => {
  const files = sources(SRC).map((f) => ({ name: relative(SRC, f), texts: literalTexts(readFileSync(f, 'utf8')) }));

  it('writes no text into markup outside a message catalogue', () => {
    const untranslated = files.filter((f) => !NOT_YET_TRANSLATED.includes(f.name) && f.texts.length > 0);
    expect(untranslated.map((f) => `${f.name}: ${f.texts.slice(0, 3).join(' | ')}`)).toEqual([]);
  });

  it('lists as not yet translated only files that still have texts of their own', () => {
    const done = NOT_YET_TRANSLATED.filter((name) => (files.find((f) => f.name === name)?.texts.length ?? 0) === 0);
    expect(done).toEqual([]);
  });

  it('finds a text written into markup (the check above can fail)', () => {
    expect(literalTexts('<p>Done for all</p><input placeholder="Search" />')).toEqual(['Done for all', 'Search']);
    expect(literalTexts('<p>{t.done}</p><input placeholder={t.search} />')).toEqual([]);
  });

  it('has every catalogue in Russian, in Cyrillic where English has words', async () => {
    await Promise.all(Object.values(import.meta.glob(['../src/**/*.tsx', '!../src/main.tsx'])).map((load) => load()));
    const catalogues = definedCatalogues();
    expect(catalogues.length).toBeGreaterThan(3);
    const english: string[] = [];
    for (const { en, ru } of catalogues) {
      expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(ru)) {
        const text = typeof value === 'function' ? value(2, 'x', 'y') : value;
        const en_ = en[key];
        const original = typeof en_ === 'function' ? en_(2, 'x', 'y') : en_;
        const words = /[a-z]{3,}/i.test(String(original).replace(/RusToK/g, ''));
        if (words && !/\p{Script=Cyrillic}/u.test(String(text))) english.push(`${key}: ${text}`);
      }
    }
    expect(english).toEqual([]);
  });

  it('counts in Russian with its three forms', () => {
    const forms = { one: '# товар', few: '# товара', many: '# товаров', other: '# товара' };
    expect([1, 3, 5, 21, 1.5].map((n) => plural('ru', n, forms))).toEqual(['1 товар', '3 товара', '5 товаров', '21 товар', '1,5 товара']);
    expect(plural('en', 1000, { one: '# product', other: '# products' })).toBe('1,000 products');
  });
});
