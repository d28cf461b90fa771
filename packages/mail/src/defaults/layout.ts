import { Type } from '@sinclair/typebox';

/** Every shipped mail takes the shop it is sent for. */
export const Shop = Type.Object(
  {
    name: Type.String({ description: "The shop's (tenant's) display name" }),
    url: Type.String({ description: "The storefront's address, linked from the mail's head" }),
  },
  { description: 'The shop the mail is sent for' },
);

export const Person = Type.Object({ name: Type.String({ description: 'How the mail greets them' }) });

/** An amount in minor units (cents) of the order's currency; shown with `| money: order.currency`. */
export const Amount = Type.Integer({ description: 'Minor units (cents) of the currency' });
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
export const Instant = Type.String({ description: 'ISO 8601 date and time; shown with `| date`' });

interface Page {
  readonly title: string;
  readonly preview: string;
  readonly body: string;
  readonly footer: string;
}

/** The shipped mails' common MJML: the shop's name on top, a white card with the body, a small footer. */
export function page({ title, preview, body, footer }: Page): string {
  return `<mjml>
  <mj-head>
    <mj-title>${title}</mj-title>
    <mj-preview>${preview}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="22px" color="#1f2937" />
      <mj-button background-color="#1f2937" color="#ffffff" font-size="15px" border-radius="4px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text font-size="20px" font-weight="bold"><a href="{{ shop.url }}" style="color:#1f2937;text-decoration:none">{{ shop.name }}</a></mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="16px">
      <mj-column>
${body}
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0 24px">
      <mj-column>
        <mj-text font-size="12px" color="#6b7280">${footer}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
}

export const FOOTER = {
  en: 'You receive this e-mail from {{ shop.name }} ({{ shop.url }}).',
  de: 'Sie erhalten diese E-Mail von {{ shop.name }} ({{ shop.url }}).',
} as const;
