import { DiscountsSection } from '../components/discounts-section.js';
import { ShippingOptionsSection } from '../components/shipping-options-section.js';
import { StorefrontSection } from '../components/storefront-section.js';
import { TaxRatesSection } from '../components/tax-rates-section.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Shop settings',
    intro: 'What checkout adds to a cart: tax per destination country, shipping, and discount codes; and how the storefront looks.',
  },
  ru: {
    title: 'Настройки магазина',
    intro: 'Что оформление заказа добавляет к корзине: налог по стране доставки, доставку и промокоды; и как выглядит витрина.',
  },
});

/** The shop's tax rates, shipping options and discount codes, each listed, created, edited and deleted in its own section. */
export const ShopSettings = () => {
  const t = useMessages(messages);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <TaxRatesSection />
      <ShippingOptionsSection />
      <DiscountsSection />
      <StorefrontSection />
    </>
  );
};
