import { describe, expect, it } from 'vitest';
import { adminPathOf } from '../src/api/inbox.js';
import { addressesOf, renderProblemsOf, templateInputOf, templateRowsOf } from '../src/api/mail-shapes.js';
import { ApiError } from '../src/api/problem.js';

describe('mail template helpers', () => {
  it('reads part, line and column from a NOTIFICATIONS_TEMPLATE_INVALID refusal', () => {
    const error = new ApiError(422, 'NOTIFICATIONS_TEMPLATE_INVALID', 'mjml: tag not closed', [
      { path: '/mjml', message: 'line 3, column 7: tag "{%" not closed (LIQUID_PARSE)' },
      { path: '/subject', message: 'line 1: unknown filter (LIQUID_PARSE)' },
      { path: '/text', message: 'no line here (MJML)' },
    ]);
    expect(renderProblemsOf(error)).toEqual([
      { part: 'mjml', line: 3, column: 7, message: 'tag "{%" not closed (LIQUID_PARSE)' },
      { part: 'subject', line: 1, column: null, message: 'unknown filter (LIQUID_PARSE)' },
      { part: 'text', line: null, column: null, message: 'no line here (MJML)' },
    ]);
    expect(renderProblemsOf(new ApiError(422, 'NOTIFICATIONS_TEMPLATE_INVALID', 'template: broken'))).toEqual([
      { part: 'template', line: null, column: null, message: 'template: broken' },
    ]);
    expect(renderProblemsOf(new ApiError(422, 'VALIDATION_FAILED', 'x', [{ path: '/mjml', message: 'line 1: y' }]))).toEqual([]);
    expect(renderProblemsOf(new Error('x'))).toEqual([]);
  });

  it('lists every mail × language: shipped, own, and the tenant’s languages falling back', () => {
    const rows = templateRowsOf(
      [{ key: 'order.shipped', description: 'Shipped', shippedLocales: ['en', 'de'], ownLocales: ['en'] }],
      ['en', 'ru'],
    );
    expect(rows.map((r) => [r.locale, r.source])).toEqual([
      ['de', 'shipped'],
      ['en', 'tenant'],
      ['ru', 'fallback'],
    ]);
  });

  it('leaves a blank text part out and splits staff addresses', () => {
    expect(templateInputOf({ subject: 'S', mjml: '<mjml/>', text: '  ' })).toEqual({ subject: 'S', mjml: '<mjml/>' });
    expect(templateInputOf({ subject: 'S', mjml: '<mjml/>', text: 'T' })).toEqual({ subject: 'S', mjml: '<mjml/>', text: 'T' });
    expect(addressesOf(' a@x.io\n\nb@x.io, c@x.io \n')).toEqual(['a@x.io', 'b@x.io', 'c@x.io']);
  });
});

describe('notice links', () => {
  it('opens only admin paths in the admin', () => {
    expect(adminPathOf('/admin/orders/0190')).toBe('/orders/0190');
    expect(adminPathOf('/admin//evil.example')).toBeNull();
    expect(adminPathOf('/account/orders/1')).toBeNull();
    expect(adminPathOf('https://elsewhere.example/admin/x')).toBeNull();
    expect(adminPathOf(null)).toBeNull();
  });
});
