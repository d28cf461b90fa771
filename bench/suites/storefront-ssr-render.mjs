// Render time of a listing page's element tree (document head, header with navigation, a search
// form, a grid of product cards, footer) with Preact's preact-render-to-string and with React 19's
// renderToString, the same tree built with each library's createElement from the same product data.
import { performance } from 'node:perf_hooks';
import { h } from 'preact';
import { renderToString as preactRender } from 'preact-render-to-string';
import { createElement } from 'react';
import { renderToString as reactRender } from 'react-dom/server';
import { percentile, round } from '../lib.mjs';

const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });

/** The listing page as a tree of `e(type, props, ...children)`; `cls` is the class attribute's name. */
const listingTree = (e, cls, products) => {
  const nav = ['Home', 'Search', 'Blog', 'Forum', 'About', 'Contact'].map((label) =>
    e('li', { key: label }, e('a', { href: `/${label.toLowerCase()}` }, label)),
  );
  const cards = products.map((p) =>
    e(
      'li',
      { key: p.handle, [cls]: 'card', 'data-product': p.handle },
      e('a', { href: `/products/${p.handle}` }, e('div', { [cls]: 'thumb', role: 'presentation' }), e('h3', null, p.title)),
      p.subtitle ? e('p', { [cls]: 'muted' }, p.subtitle) : null,
      e('p', { [cls]: 'price' }, money.format((p.priceFrom[0]?.amount ?? 0) / 100)),
      p.inStock ? null : e('p', { [cls]: 'stock-out' }, 'Sold out'),
    ),
  );
  const head = e(
    'head',
    null,
    e('meta', { charSet: 'utf-8' }),
    e('title', null, 'Search — Demo shop'),
    e('meta', { name: 'description', content: 'Every product of the shop' }),
    e('link', { rel: 'canonical', href: 'https://shop.example.com/search' }),
    e('link', { rel: 'alternate', hrefLang: 'ru', href: 'https://shop.example.com/ru/search' }),
    e('link', { rel: 'stylesheet', href: '/assets/base.css' }),
  );
  const form = e(
    'form',
    { role: 'search', action: '/search' },
    e('label', { htmlFor: 'q' }, 'Search'),
    e('input', { id: 'q', name: 'q', type: 'search' }),
    e('button', { type: 'submit' }, 'Search'),
  );
  const body = e(
    'body',
    null,
    e('header', null, e('a', { href: '/' }, 'Demo shop'), e('nav', { 'aria-label': 'Main' }, e('ul', null, nav))),
    e('main', null, e('h1', null, 'All products'), form, e('ul', { [cls]: 'grid' }, cards)),
    e('footer', null, e('p', null, '© Demo shop')),
  );
  return e('html', { lang: 'en' }, head, body);
};

const timeRenders = (render, tree, rounds) => {
  for (let i = 0; i < Math.min(200, rounds); i++) render(tree()); // warm-up (JIT)
  const times = new Float64Array(rounds);
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    render(tree());
    times[i] = performance.now() - t0;
  }
  times.sort();
  return {
    p50Ms: round(percentile(times, 50), 3),
    p99Ms: round(percentile(times, 99), 3),
    meanMs: round(times.reduce((a, b) => a + b, 0) / rounds, 3),
  };
};

/** { preact, react, bytes, products, rounds }: each library's render time of the same listing tree. */
export const measureRender = (products, rounds = 2_000) => {
  const preactTree = () => listingTree(h, 'class', products);
  const reactTree = () => listingTree(createElement, 'className', products);
  const preact = timeRenders(preactRender, preactTree, rounds);
  const react = timeRenders(reactRender, reactTree, rounds);
  return {
    products: products.length,
    rounds,
    bytes: { preact: preactRender(preactTree()).length, react: reactRender(reactTree()).length },
    preact,
    react,
    reactOverPreact: round(react.meanMs / preact.meanMs, 2),
  };
};
