import { expect, it } from 'vitest';
import { screenNameOf } from './browser.js';

it('names a screen’s screenshot by its address, ids as `id`', () => {
  expect(screenNameOf('http://127.0.0.1:3000/admin/')).toBe('home');
  expect(screenNameOf('http://127.0.0.1:3000/admin/sign-in?tenant=acme')).toBe('sign-in');
  expect(screenNameOf('http://127.0.0.1:3000/admin/blog/0190a4e2-7c1b-7d4e-8f00-1234567890ab/edit')).toBe('blog-id-edit');
  expect(screenNameOf('http://127.0.0.1:3000/admin/blog/comments')).toBe('blog-comments');
});
