import { Type } from '@sinclair/typebox';
import type { MailTemplateDefinition } from '../templates.js';
import { FOOTER, Person, page, Shop } from './layout.js';

const variables = Type.Object({
  shop: Shop,
  user: Person,
  reset_url: Type.String({ description: 'The link that opens the form for a new password' }),
  expires_in_minutes: Type.Integer({ minimum: 1, description: 'How long the link works' }),
});

export const accountPasswordReset: MailTemplateDefinition<typeof variables> = {
  key: 'account.password_reset',
  description: 'Sent when someone asks to reset the password of an account: the link sets a new one.',
  variables,
  sample: {
    shop: { name: 'Acme Outfitters', url: 'https://shop.example.com' },
    user: { name: 'Alex Example' },
    reset_url: 'https://shop.example.com/account/reset?token=sample-token',
    expires_in_minutes: 30,
  },
  locales: {
    en: {
      subject: 'Reset your password for {{ shop.name }}',
      mjml: page({
        title: 'Reset your password',
        preview: 'Choose a new password.',
        body: `        <mj-text>Hello {{ user.name }},</mj-text>
        <mj-text>someone asked to reset the password of your account at {{ shop.name }}. The button below lets you choose a new one.</mj-text>
        <mj-button href="{{ reset_url }}">Choose a new password</mj-button>
        <mj-text font-size="13px" color="#6b7280">The link works for {{ expires_in_minutes }} minutes. If you did not ask for this, ignore this e-mail: your password stays as it is.</mj-text>`,
        footer: FOOTER.en,
      }),
    },
    de: {
      subject: 'Passwort zurücksetzen bei {{ shop.name }}',
      mjml: page({
        title: 'Passwort zurücksetzen',
        preview: 'Wählen Sie ein neues Passwort.',
        body: `        <mj-text>Hallo {{ user.name }},</mj-text>
        <mj-text>für Ihr Konto bei {{ shop.name }} wurde das Zurücksetzen des Passworts angefordert. Mit der Schaltfläche unten wählen Sie ein neues.</mj-text>
        <mj-button href="{{ reset_url }}">Neues Passwort wählen</mj-button>
        <mj-text font-size="13px" color="#6b7280">Der Link gilt {{ expires_in_minutes }} Minuten. Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.</mj-text>`,
        footer: FOOTER.de,
      }),
    },
  },
};
