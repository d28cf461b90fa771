import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_KEYS, DEFAULT_TEMPLATES } from './defaults/index.js';
import { createRenderer, type RenderResult } from './render.js';
import type { MailTemplate } from './templates.js';

const renderer = createRenderer();
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function mjml(body: string): string {
  return `<mjml><mj-body><mj-section><mj-column>\n${body}\n</mj-column></mj-section></mj-body></mjml>`;
}

function rendered(result: RenderResult) {
  if (!result.ok) throw new Error(`render failed: ${JSON.stringify(result)}`);
  return { ...result, html: nbsp(result.html), text: nbsp(result.text) };
}

/** Per shipped mail: what its subject says and values its HTML and text must show, per locale, from the sample data. */
const EXPECTED: Record<string, { subject: Record<'en' | 'de', string>; shows: Record<'en' | 'de', string[]> }> = {
  'account.verify_email': {
    subject: { en: 'Confirm your e-mail address for Acme Outfitters', de: 'Bestätigen Sie Ihre E-Mail-Adresse bei Acme Outfitters' },
    shows: {
      en: ['Alex Example', 'verify?token=sample-token', '24 hours'],
      de: ['Alex Example', 'verify?token=sample-token', '24 Stunden'],
    },
  },
  'account.password_reset': {
    subject: { en: 'Reset your password for Acme Outfitters', de: 'Passwort zurücksetzen bei Acme Outfitters' },
    shows: { en: ['reset?token=sample-token', '30 minutes'], de: ['reset?token=sample-token', '30 Minuten'] },
  },
  'order.confirmation': {
    subject: { en: 'Your order 1042 at Acme Outfitters', de: 'Ihre Bestellung 1042 bei Acme Outfitters' },
    shows: {
      en: ['Trail Runner 2, size 42', '3 × €14.50', '€43.50', '€163.49', '€4.95', '€26.10', '€168.44', 'March 14, 2026'],
      de: ['Trail Runner 2, size 42', '3 × 14,50 €', '43,50 €', '163,49 €', '4,95 €', '26,10 €', '168,44 €', '14. März 2026', 'Gesamt'],
    },
  },
  'order.shipped': {
    subject: { en: 'Your order 1042 is on its way', de: 'Ihre Bestellung 1042 ist unterwegs' },
    shows: {
      en: ['DHL', '00340434161094042557', 'March 15, 2026', 'Track your parcel'],
      de: ['DHL', '15. März 2026', 'Sendung verfolgen'],
    },
  },
  'comment.approved': {
    subject: {
      en: 'Your comment on “Choosing trail running shoes” is published',
      de: 'Ihr Kommentar zu „Choosing trail running shoes“ ist veröffentlicht',
    },
    shows: { en: ['Ran my first half marathon', 'trail-shoes#comment-17'], de: ['Ran my first half marathon', 'Kommentar ansehen'] },
  },
  'order.new_staff': {
    subject: { en: 'New order 1042: €168.44', de: 'Neue Bestellung 1042: 168,44 €' },
    shows: { en: ['alex@example.com', '€168.44', 'orders/1042'], de: ['alex@example.com', '168,44 €', 'Bestellung öffnen'] },
  },
};

describe('shipped templates render with their sample data', () => {
  for (const key of DEFAULT_TEMPLATE_KEYS) {
    for (const locale of ['en', 'de'] as const) {
      it(`${key} in ${locale}`, async () => {
        const definition = DEFAULT_TEMPLATES[key];
        const template = definition.locales[locale] as MailTemplate;
        const mail = rendered(await renderer.render({ template, variables: definition.sample, locale, schema: definition.variables }));
        const expected = EXPECTED[key];
        expect(mail.subject).toBe(expected?.subject[locale]);
        expect(mail.html).toMatch(/^<!doctype html>/);
        expect(mail.html).not.toMatch(/<mj-|{{|{%/);
        for (const value of expected?.shows[locale] ?? []) {
          expect(mail.html).toContain(value);
          expect(mail.text).toContain(value);
        }
        expect(mail.text).not.toMatch(/<|&amp;|&#/);
      });
    }
  }

  it('shows amounts as the region writes them (de-AT against the German template)', async () => {
    const { sample, locales } = DEFAULT_TEMPLATES['order.confirmation'];
    const mail = rendered(await renderer.render({ template: locales.de as MailTemplate, variables: sample, locale: 'de-AT' }));
    expect(mail.text).toContain('Gesamt € 168,44');
  });

  it('tells of a shipment without carrier or tracking (an order records none)', async () => {
    const { sample, locales, variables } = DEFAULT_TEMPLATES['order.shipped'];
    const shipment = { shipped_at: sample.shipment.shipped_at };
    for (const locale of ['en', 'de'] as const) {
      const template = locales[locale] as MailTemplate;
      const mail = rendered(await renderer.render({ template, variables: { ...sample, shipment }, locale, schema: variables }));
      expect(mail.text).not.toMatch(/DHL|Tracking|Sendungsnummer|verfolgen/);
    }
    const en = rendered(await renderer.render({ template: locales.en, variables: { ...sample, shipment }, locale: 'en' }));
    expect(en.text).toContain('your order 1042 left us on March 15, 2026.');
  });

  it('keeps a link the text part needs', async () => {
    const { sample, locales } = DEFAULT_TEMPLATES['account.verify_email'];
    const mail = rendered(await renderer.render({ template: locales.en, variables: sample, locale: 'en' }));
    expect(mail.text).toContain('[https://shop.example.com/account/verify?token=sample-token]');
  });
});

describe('rendering', () => {
  it('escapes HTML in variables, unless the template pipes it through raw', async () => {
    const template = { subject: 'Hi {{ name }}', mjml: mjml('<mj-text>Hi {{ name }}</mj-text><mj-text>{{ trusted | raw }}</mj-text>') };
    const name = '<script>alert(1)</script><a href="x">&</a>';
    const mail = rendered(await renderer.render({ template, variables: { name, trusted: '<b>bold</b>' }, locale: 'en' }));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&#34;x&#34;&gt;&amp;&lt;/a&gt;');
    expect(mail.html).toContain('<b>bold</b>');
    // The subject is a header, not HTML: nothing to escape, and no line break gets into it.
    expect(mail.subject).toBe(`Hi ${name}`);
    const folded = rendered(await renderer.render({ template, variables: { name: 'A\r\nBcc: x@example.com', trusted: '' }, locale: 'en' }));
    expect(folded.subject).toBe('Hi A Bcc: x@example.com');
  });

  it('uses a template’s own text body instead of generating one', async () => {
    const template = { subject: 's', mjml: mjml('<mj-text>HTML</mj-text>'), text: '  Dear {{ name }} & co,\n{{ total | money: "EUR" }}\n' };
    const mail = rendered(await renderer.render({ template, variables: { name: '<Alex>', total: 1999 }, locale: 'de' }));
    expect(mail.text).toBe('Dear <Alex> & co,\n19,99 €');
  });

  it('renders the edited source on the next render (the cache is by source)', async () => {
    const variables = { name: 'Alex' };
    const first = rendered(
      await renderer.render({ template: { subject: 'Hello {{ name }}', mjml: mjml('<mj-text>a</mj-text>') }, variables, locale: 'en' }),
    );
    const second = rendered(
      await renderer.render({ template: { subject: 'Welcome {{ name }}', mjml: mjml('<mj-text>a</mj-text>') }, variables, locale: 'en' }),
    );
    expect([first.subject, second.subject]).toEqual(['Hello Alex', 'Welcome Alex']);
  });
});

describe('render failures are values', () => {
  const render = (template: MailTemplate, variables: object = {}) => renderer.render({ template, variables, locale: 'en' });

  it('reports a Liquid syntax error with its part and line', async () => {
    const result = await render({ subject: 'ok', mjml: mjml('<mj-text>\n{% if name %}unclosed\n</mj-text>') });
    expect(result).toMatchObject({ ok: false, code: 'syntax', part: 'mjml', line: 3 });
    const subject = await render({ subject: 'Hi {{ name', mjml: mjml('') });
    expect(subject).toMatchObject({ ok: false, code: 'syntax', part: 'subject', line: 1, message: expect.stringContaining('not closed') });
  });

  it('reports a missing variable and an unknown filter', async () => {
    expect(await render({ subject: 's', mjml: mjml('<mj-text>{{ user.name }}</mj-text>') }, { user: {} })).toMatchObject({
      ok: false,
      code: 'variable',
      part: 'mjml',
      line: 2,
      message: expect.stringContaining('user.name'),
    });
    expect(await render({ subject: '{{ 1 | shout }}', mjml: mjml('') })).toMatchObject({ ok: false, code: 'syntax', part: 'subject' });
  });

  it('reports a filter given bad input', async () => {
    expect(await render({ subject: '{{ price | money: "EUR" }}', mjml: mjml('') }, { price: 'free' })).toMatchObject({
      ok: false,
      code: 'render',
      part: 'subject',
      message: expect.stringContaining('not an integer'),
    });
  });

  it('reports invalid MJML with its line', async () => {
    expect(await render({ subject: 's', mjml: mjml('<mj-text>a</mj-text>\n<mj-txt>b</mj-txt>') })).toMatchObject({
      ok: false,
      code: 'mjml',
      part: 'mjml',
      line: 3,
      message: expect.stringContaining('mj-txt'),
    });
    expect(await render({ subject: 's', mjml: '<p>no mjml</p>' })).toMatchObject({ ok: false, code: 'mjml' });
  });

  it('reports variables off the schema before rendering', async () => {
    const { variables, locales } = DEFAULT_TEMPLATES['account.verify_email'];
    const result = await renderer.render({ template: locales.en, variables: { user: { name: 'A' } }, locale: 'en', schema: variables });
    expect(result).toMatchObject({ ok: false, code: 'variables' });
  });

  it('refuses a source over the size limit, and an unknown locale', async () => {
    const small = createRenderer({ maxSourceBytes: 1000 });
    expect(await small.render({ template: { subject: 's', mjml: mjml('x'.repeat(1000)) }, variables: {}, locale: 'en' })).toMatchObject({
      ok: false,
      code: 'too_large',
      part: 'mjml',
    });
    expect(await render({ subject: 's', mjml: mjml('') }).then((r) => r.ok)).toBe(true);
    expect(await renderer.render({ template: { subject: 's', mjml: mjml('') }, variables: {}, locale: 'x_y' })).toMatchObject({
      ok: false,
      code: 'locale',
    });
  });

  it('reads no file through include or render', async () => {
    const result = await render({ subject: 's', mjml: mjml('{% include "/etc/passwd" %}{% render "../package.json" %}') });
    expect(result).toMatchObject({ ok: false, code: 'render' });
    expect(JSON.stringify(result)).not.toContain('root:');
  });
});

describe('limits stop runaway templates quickly', () => {
  const limited = createRenderer({ renderLimitMs: 200 });
  const run = async (body: string) => {
    const started = performance.now();
    const result = await limited.render({ template: { subject: 's', mjml: mjml(body) }, variables: {}, locale: 'en' });
    return { result, ms: performance.now() - started };
  };

  it('a huge range', async () => {
    const { result, ms } = await run('{% for i in (1..1000000000) %}{{ i }}{% endfor %}');
    expect(result).toMatchObject({ ok: false, code: 'limit', part: 'mjml' });
    expect(ms).toBeLessThan(1000);
  });

  it('nested loops that would run for hours', async () => {
    const { result, ms } = await run('{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}');
    expect(result).toMatchObject({ ok: false, code: 'limit', message: expect.stringContaining('render limit') });
    expect(ms).toBeLessThan(1500);
  });

  it('a string doubled until it fills the memory', async () => {
    const { result, ms } = await run(
      '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
    );
    expect(result).toMatchObject({ ok: false, code: 'limit', message: expect.stringContaining('memory') });
    expect(ms).toBeLessThan(1000);
  });
});
