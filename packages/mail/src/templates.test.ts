import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_KEYS, DEFAULT_TEMPLATES, defaultTemplate } from './defaults/index.js';
import { localeChain, pickLocale } from './templates.js';
import { checkVariables } from './variables.js';

describe('locales', () => {
  it('falls back from region to language to English', () => {
    expect(localeChain('de-AT')).toEqual(['de-AT', 'de', 'en']);
    expect(localeChain('de-at')).toEqual(['de-AT', 'de', 'en']);
    expect(localeChain('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh', 'en']);
    expect(localeChain('en-GB')).toEqual(['en-GB', 'en']);
    expect(localeChain('not a locale!')).toEqual(['en']);
  });

  it('picks the most specific variant there is', () => {
    const variants = { en: 'en', de: 'de', 'de-CH': 'de-CH' };
    expect(pickLocale('de-AT', variants)).toEqual({ locale: 'de', value: 'de' });
    expect(pickLocale('de-CH', variants)).toEqual({ locale: 'de-CH', value: 'de-CH' });
    expect(pickLocale('fr-FR', variants)).toEqual({ locale: 'en', value: 'en' });
    expect(pickLocale('fr', { de: 1 })).toBeUndefined();
    expect(pickLocale('toString', variants)).toEqual({ locale: 'en', value: 'en' });
  });

  it('gives the shipped template in the nearest locale', () => {
    expect(defaultTemplate('order.confirmation', 'de-AT').locale).toBe('de');
    expect(defaultTemplate('order.confirmation', 'de-AT').template).toBe(DEFAULT_TEMPLATES['order.confirmation'].locales.de);
    expect(defaultTemplate('order.confirmation', 'pt-BR').locale).toBe('en');
  });
});

describe('shipped templates', () => {
  it('are the six mails, each in English and German', () => {
    expect(DEFAULT_TEMPLATE_KEYS).toEqual([
      'account.verify_email',
      'account.password_reset',
      'order.confirmation',
      'order.shipped',
      'comment.approved',
      'order.new_staff',
    ]);
    for (const key of DEFAULT_TEMPLATE_KEYS) {
      expect(DEFAULT_TEMPLATES[key].key).toBe(key);
      expect(Object.keys(DEFAULT_TEMPLATES[key].locales).sort()).toEqual(['de', 'en']);
    }
  });

  it('have sample data that satisfies their variables schema', () => {
    for (const key of DEFAULT_TEMPLATE_KEYS) {
      const { variables, sample } = DEFAULT_TEMPLATES[key];
      expect(checkVariables(variables, sample), key).toEqual({ ok: true });
    }
  });

  it('say which variable is off its schema', () => {
    const { variables, sample } = DEFAULT_TEMPLATES['order.confirmation'];
    const broken = { ...sample, order: { ...sample.order, total: '168.44' } };
    expect(checkVariables(variables, broken)).toMatchObject({
      ok: false,
      code: 'variables',
      message: expect.stringContaining('/order/total'),
    });
  });
});
