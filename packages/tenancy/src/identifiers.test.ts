import { AppError, generateId } from '@rustok/kernel';
import { describe, expect, it } from 'vitest';
import { assertTenantSlugAllowed, type IdentifierKind, parseSubdomainLabel, parseTenantIdentifier, RESERVED_SLUGS } from './identifiers.js';
import { MALFORMED } from './test-fixtures/malformed.js';

const rejection = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

const expectInvalid = (raw: string, kind: IdentifierKind, reason?: RegExp) => {
  const error = rejection(() => parseTenantIdentifier(raw, kind));
  expect(error.status).toBe(400);
  expect(error.code).toBe('TENANT_IDENTIFIER_INVALID');
  if (reason) expect(String(error.meta.reason)).toMatch(reason);
  return error;
};

describe('parseTenantIdentifier (slug-or-id)', () => {
  it('reads a slug, trimmed and lower-cased', () => {
    expect(parseTenantIdentifier('  Acme-Store ', 'slug-or-id')).toEqual({ kind: 'slug', slug: 'acme-store' });
    expect(parseTenantIdentifier('a', 'slug-or-id')).toEqual({ kind: 'slug', slug: 'a' });
    expect(parseTenantIdentifier('a'.repeat(64), 'slug-or-id')).toEqual({ kind: 'slug', slug: 'a'.repeat(64) });
  });

  it('reads a UUID as an id (canonical lower case)', () => {
    const id = generateId();
    expect(parseTenantIdentifier(id.toUpperCase(), 'slug-or-id')).toEqual({ kind: 'id', id });
  });

  it('refuses the nil UUID', () => {
    expectInvalid('00000000-0000-0000-0000-000000000000', 'slug-or-id', /nil UUID/);
  });

  it('refuses slugs breaking the slug rules, with the reason', () => {
    expectInvalid('', 'slug-or-id', /empty/);
    expectInvalid('   ', 'slug-or-id', /empty/);
    expectInvalid('-acme', 'slug-or-id', /start or end/);
    expectInvalid('acme-', 'slug-or-id', /start or end/);
    expectInvalid('a'.repeat(65), 'slug-or-id', /at most 64/);
    expectInvalid('acme_store', 'slug-or-id', /U\+005F/);
    expectInvalid('acme.store', 'slug-or-id', /U\+002E/);
    expectInvalid('ab--cd', 'slug-or-id', /third and fourth/);
    expectInvalid('xn--80ak6aa92e', 'slug-or-id', /punycode/);
  });

  for (const [kind, inputs] of Object.entries(MALFORMED)) {
    it(`refuses ${kind} input with a 400`, () => {
      for (const raw of inputs) expectInvalid(raw, 'slug-or-id');
    });
  }

  it('never echoes the refused input in the message', () => {
    const error = expectInvalid('<script>alert(1)</script>', 'slug-or-id');
    expect(error.message).not.toContain('<');
    expect(error.message).toMatch(/U\+003C/);
  });

  it('refuses reserved slugs with TENANT_SLUG_RESERVED', () => {
    for (const slug of ['admin', 'API', ' www ', 'graphql', 'null', 'undefined']) {
      const error = rejection(() => parseTenantIdentifier(slug, 'slug-or-id'));
      expect(error.status).toBe(400);
      expect(error.code).toBe('TENANT_SLUG_RESERVED');
    }
  });

  it('reserves at least 40 slugs, none of them the usual tenant names', () => {
    expect(RESERVED_SLUGS.size).toBeGreaterThanOrEqual(40);
    for (const slug of RESERVED_SLUGS) expect(slug).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
    for (const slug of ['default', 'demo', 'shop']) expect(RESERVED_SLUGS.has(slug)).toBe(false);
  });

  it('rejects an overlong input before looking at it', () => {
    const started = performance.now();
    expectInvalid('%'.repeat(5_000_000), 'slug-or-id', /longer than 253/);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('parseTenantIdentifier (host)', () => {
  it('reads a host: lower-cased, port and trailing dot dropped', () => {
    expect(parseTenantIdentifier('Shop.Example.COM', 'host')).toEqual({ kind: 'host', host: 'shop.example.com' });
    expect(parseTenantIdentifier('shop.example.com:8443', 'host')).toEqual({ kind: 'host', host: 'shop.example.com' });
    expect(parseTenantIdentifier('shop.example.com.', 'host')).toEqual({ kind: 'host', host: 'shop.example.com' });
    expect(parseTenantIdentifier('localhost', 'host')).toEqual({ kind: 'host', host: 'localhost' });
    expect(parseTenantIdentifier('10.0.0.1:80', 'host')).toEqual({ kind: 'host', host: '10.0.0.1' });
  });

  it('accepts well-formed punycode (hosts are matched exactly against registered domains)', () => {
    expect(parseTenantIdentifier('xn--mnchen-3ya.de', 'host')).toEqual({ kind: 'host', host: 'xn--mnchen-3ya.de' });
    expectInvalid('xn--a.com', 'host', /punycode/);
  });

  it('refuses hosts breaking RFC 1123, with the reason', () => {
    expectInvalid('shop..example.com', 'host', /"\.\."/);
    expectInvalid('shop.example.com..', 'host', /"\.\."/);
    expectInvalid('.shop.example.com', 'host', /labels/);
    expectInvalid('-shop.example.com', 'host', /labels/);
    expectInvalid('shop-.example.com', 'host', /labels/);
    expectInvalid(`${'a'.repeat(64)}.com`, 'host', /labels/);
    expect(parseTenantIdentifier(`${'abcdefghi.'.repeat(25)}com`, 'host')).toMatchObject({ kind: 'host' });
    expectInvalid(`${'abcdefghi.'.repeat(25)}comx`, 'host', /longer than 253/);
    expectInvalid('shop_1.example.com', 'host', /U\+005F/);
    expectInvalid('user@shop.example.com', 'host', /U\+0040/);
    expectInvalid('[::1]:3000', 'host', /IP literal/);
    expectInvalid('shop.example.com:99999', 'host', /port/);
    expectInvalid('ab--cd.example.com', 'host', /third and fourth/);
    expectInvalid(':80', 'host', /empty host/);
  });

  for (const [kind, inputs] of Object.entries(MALFORMED)) {
    it(`refuses ${kind} input with a 400`, () => {
      for (const raw of inputs) expectInvalid(raw.includes('.') || kind === 'overlong' ? raw : `${raw}.example.com`, 'host');
    });
  }
});

const expectInvalidLabel = (label: string, reason: RegExp) => {
  const error = rejection(() => parseSubdomainLabel(label));
  expect(error.code).toBe('TENANT_IDENTIFIER_INVALID');
  expect(String(error.meta.reason)).toMatch(reason);
};

describe('parseSubdomainLabel', () => {
  it('names a tenant by slug only', () => {
    expect(parseSubdomainLabel('acme')).toEqual({ kind: 'slug', slug: 'acme' });
    expectInvalidLabel(generateId(), /by slug/);
    expect(rejection(() => parseSubdomainLabel('www')).code).toBe('TENANT_SLUG_RESERVED');
  });
});

describe('assertTenantSlugAllowed', () => {
  it('accepts an ordinary slug', () => {
    expect(() => assertTenantSlugAllowed('acme-store-2')).not.toThrow();
  });

  it('refuses reserved, malformed, non-canonical and UUID-shaped slugs', () => {
    expect(rejection(() => assertTenantSlugAllowed('admin')).code).toBe('TENANT_SLUG_RESERVED');
    expect(rejection(() => assertTenantSlugAllowed('Acme')).code).toBe('TENANT_IDENTIFIER_INVALID');
    expect(rejection(() => assertTenantSlugAllowed(' acme')).code).toBe('TENANT_IDENTIFIER_INVALID');
    expect(rejection(() => assertTenantSlugAllowed('аcme')).code).toBe('TENANT_IDENTIFIER_INVALID');
    expect(rejection(() => assertTenantSlugAllowed('xn--80ak6aa92e')).code).toBe('TENANT_IDENTIFIER_INVALID');
    expect(rejection(() => assertTenantSlugAllowed(generateId())).meta.reason).toMatch(/UUID/);
    expect(rejection(() => assertTenantSlugAllowed('a'.repeat(65))).status).toBe(400);
  });
});
