import { Type } from '@sinclair/typebox';
import type { MailTemplateDefinition } from '../templates.js';
import { FOOTER, Person, page, Shop } from './layout.js';

const variables = Type.Object({
  shop: Shop,
  user: Person,
  verify_url: Type.String({ description: 'The link that confirms the address' }),
  expires_in_hours: Type.Integer({ minimum: 1, description: 'How long the link works' }),
});

export const accountVerifyEmail: MailTemplateDefinition<typeof variables> = {
  key: 'account.verify_email',
  description: 'Sent after registration (or an address change): the link confirms the e-mail address.',
  variables,
  sample: {
    shop: { name: 'Acme Outfitters', url: 'https://shop.example.com' },
    user: { name: 'Alex Example' },
    verify_url: 'https://shop.example.com/account/verify?token=sample-token',
    expires_in_hours: 24,
  },
  locales: {
    en: {
      subject: 'Confirm your e-mail address for {{ shop.name }}',
      mjml: page({
        title: 'Confirm your e-mail address',
        preview: 'One click confirms your address.',
        body: `        <mj-text>Hello {{ user.name }},</mj-text>
        <mj-text>please confirm that this is your e-mail address for your account at {{ shop.name }}.</mj-text>
        <mj-button href="{{ verify_url }}">Confirm e-mail address</mj-button>
        <mj-text font-size="13px" color="#6b7280">The link works for {{ expires_in_hours }} hours. If you did not register, ignore this e-mail.</mj-text>`,
        footer: FOOTER.en,
      }),
    },
    de: {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse bei {{ shop.name }}',
      mjml: page({
        title: 'E-Mail-Adresse bestätigen',
        preview: 'Ein Klick bestätigt Ihre Adresse.',
        body: `        <mj-text>Hallo {{ user.name }},</mj-text>
        <mj-text>bitte bestätigen Sie, dass dies Ihre E-Mail-Adresse für Ihr Konto bei {{ shop.name }} ist.</mj-text>
        <mj-button href="{{ verify_url }}">E-Mail-Adresse bestätigen</mj-button>
        <mj-text font-size="13px" color="#6b7280">Der Link gilt {{ expires_in_hours }} Stunden. Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.</mj-text>`,
        footer: FOOTER.de,
      }),
    },
  },
};
