import type { PageContext } from '../../context.js';
import { formatMoney } from '../../i18n/format.js';
import { fill } from '../../i18n/messages.js';
import type { ShopText } from '../../i18n/shop.js';
import { FormAlert } from './field.js';
import { Totals } from './totals.js';
import type { CartLine, StoreCart } from './types.js';

export interface CartViewInput {
  readonly ctx: PageContext;
  readonly t: ShopText;
  readonly cart: StoreCart | undefined;
  /** A message after a refused change (already in the page's language). */
  readonly error?: string | undefined;
  /** Where "continue shopping" leads. */
  readonly back: string;
}

const LineRow = ({ ctx, t, cart, line }: { ctx: PageContext; t: ShopText; cart: StoreCart; line: CartLine }) => {
  const money = (amount: number) => formatMoney(ctx.locale, amount, cart.currencyCode);
  const action = ctx.href(`/cart/items/${line.id}`);
  const qtyId = `qty-${line.id}`;
  return (
    <tr data-line={line.id}>
      <th scope="row">
        {line.title}
        {line.variantTitle ? <span class="muted"> — {line.variantTitle}</span> : null}
        {line.problem ? <span class="error">{line.problem === 'PRICE_MISSING' ? t.linePriceMissing : t.lineUnavailable}</span> : null}
      </th>
      <td>{money(line.unitPrice)}</td>
      <td>
        <form method="post" action={action} class="inline">
          <input type="hidden" name="_action" value="update" />
          <label for={qtyId} class="visually-hidden">
            {fill(t.quantityOf, { title: line.title })}
          </label>
          <input id={qtyId} type="number" name="quantity" min="1" max="10000" value={String(line.quantity)} size={4} />
          <button type="submit" class="secondary">
            {t.update}
          </button>
        </form>
      </td>
      <td>{money(line.total)}</td>
      <td>
        <form method="post" action={action} class="inline">
          <input type="hidden" name="_action" value="remove" />
          <button type="submit" class="secondary" aria-label={fill(t.removeItem, { title: line.title })}>
            {t.remove}
          </button>
        </form>
      </td>
    </tr>
  );
};

const DiscountForm = ({ ctx, t, cart }: { ctx: PageContext; t: ShopText; cart: StoreCart }) => (
  <section aria-labelledby="discount-title">
    <h2 id="discount-title">{t.discountCode}</h2>
    {cart.discountCode ? (
      <form method="post" action={ctx.href('/cart/discount')} class="inline">
        <p class={cart.discountApplied ? 'notice' : 'error'}>
          {fill(cart.discountApplied ? t.codeApplied : t.codeNotApplied, { code: cart.discountCode })}
        </p>
        <input type="hidden" name="_action" value="remove" />
        <button type="submit" class="secondary">
          {t.removeCode}
        </button>
      </form>
    ) : (
      <form method="post" action={ctx.href('/cart/discount')} class="inline">
        <label for="discount-code">{t.discountCode}</label>
        <input id="discount-code" name="code" maxLength={64} autocomplete="off" />
        <button type="submit" class="secondary">
          {t.apply}
        </button>
      </form>
    )}
  </section>
);

const CartTable = ({ ctx, t, cart }: { ctx: PageContext; t: ShopText; cart: StoreCart }) => (
  <table>
    <thead>
      <tr>
        <th scope="col">{t.product}</th>
        <th scope="col">{t.price}</th>
        <th scope="col">{t.quantity}</th>
        <th scope="col">{t.lineTotal}</th>
        <th scope="col">
          <span class="visually-hidden">{t.remove}</span>
        </th>
      </tr>
    </thead>
    <tbody>
      {cart.items.map((line) => (
        <LineRow ctx={ctx} t={t} cart={cart} line={line} />
      ))}
    </tbody>
  </table>
);

/** The cart: its lines (quantity and remove forms), discount code, totals and the way to checkout. */
export const CartView = ({ ctx, t, cart, error, back }: CartViewInput) => {
  const lines = cart?.items ?? [];
  return (
    <section aria-labelledby="cart-title" class="cart">
      <h1 id="cart-title">{t.cartTitle}</h1>
      <FormAlert text={error} />
      {!cart || lines.length === 0 ? (
        <p>{t.cartEmpty}</p>
      ) : (
        <>
          <CartTable ctx={ctx} t={t} cart={cart} />
          <DiscountForm ctx={ctx} t={t} cart={cart} />
          <Totals locale={ctx.locale} t={t} totals={cart} />
          <p>
            <a class="button" href={ctx.href('/checkout')}>
              {t.checkout}
            </a>
          </p>
        </>
      )}
      <p>
        <a href={back}>{t.continueShopping}</a>
      </p>
    </section>
  );
};
