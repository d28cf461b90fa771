import { type Order, type PaymentStep, payOrder } from '../api/orders.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ConfirmAction } from './confirm-action.js';
import { ErrorNotice } from './error-notice.js';
import { useOrderMutation } from './order-mutation.js';
import { useStatusName } from './order-statuses.js';

const messages = defineMessages({
  en: {
    title: 'Payments',
    none: 'None recorded.',
    provider: 'Provider',
    status: 'Status',
    amount: 'Amount',
    refunded: 'Refunded',
    date: 'Date',
    actions: 'Payment actions',
    authorize: 'Authorize payment',
    capture: 'Capture payment',
    refund: 'Refund payment',
    confirmRefund: (amount: string) => `Refund ${amount} to the customer? The order becomes refunded; this cannot be undone.`,
    yesRefund: 'Yes, refund the payment',
  },
  ru: {
    title: 'Платежи',
    none: 'Платежей нет.',
    provider: 'Способ',
    status: 'Статус',
    amount: 'Сумма',
    refunded: 'Возвращено',
    date: 'Дата',
    actions: 'Действия с оплатой',
    authorize: 'Авторизовать оплату',
    capture: 'Списать оплату',
    refund: 'Вернуть оплату',
    confirmRefund: (amount: string) => `Вернуть покупателю ${amount}? Заказ станет возвращённым; отменить это нельзя.`,
    yesRefund: 'Да, вернуть оплату',
  },
});

const PAID = ['paid', 'fulfilled', 'shipped', 'delivered'];

/** The payment steps the order can take now: authorize, then capture (it becomes paid), then refund. */
export const paymentSteps = (order: Order): PaymentStep[] => {
  const held = order.payments.some((p) => p.status === 'authorized' || p.status === 'captured');
  if (order.status === 'pending') return [held ? 'capture' : 'authorize'];
  return PAID.includes(order.status) && order.payments.some((p) => p.status === 'captured') ? ['refund'] : [];
};

interface Props {
  readonly order: Order;
  readonly can: (permission: string) => boolean;
}

const PaymentActions = ({ order, can }: Props) => {
  const t = useMessages(messages);
  const { money } = useFormat();
  const pay = useOrderMutation(order.id, payOrder);
  const steps = paymentSteps(order).filter((s) => can(s === 'refund' ? 'commerce.orders.refund' : 'commerce.orders.manage'));
  if (steps.length === 0) return null;
  return (
    <>
      <fieldset className="row actions">
        <legend>{t.actions}</legend>
        {steps.map((step) =>
          step === 'refund' ? (
            <ConfirmAction
              key={step}
              label={t.refund}
              question={t.confirmRefund(money(order.total, order.currencyCode))}
              confirmLabel={t.yesRefund}
              disabled={pay.isPending}
              onConfirm={() => pay.mutate({ id: order.id, step })}
            />
          ) : (
            <button key={step} type="button" disabled={pay.isPending} onClick={() => pay.mutate({ id: order.id, step })}>
              {t[step]}
            </button>
          ),
        )}
      </fieldset>
      {pay.error ? <ErrorNotice error={pay.error} /> : null}
    </>
  );
};

/** The order's payments with their amounts, and the next payment step (a refund asks first). */
export const OrderPayments = ({ order, can }: Props) => {
  const t = useMessages(messages);
  const { money, dateTime } = useFormat();
  const statusName = useStatusName();
  return (
    <section aria-labelledby="order-payments">
      <h2 id="order-payments">{t.title}</h2>
      {order.payments.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.provider}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.amount}</th>
              <th scope="col">{t.refunded}</th>
              <th scope="col">{t.date}</th>
            </tr>
          </thead>
          <tbody>
            {order.payments.map((p) => (
              <tr key={p.id}>
                <td>{p.provider}</td>
                <td data-testid="payment-status">{statusName(p.status)}</td>
                <td>{money(p.amount, p.currencyCode)}</td>
                <td>{money(p.refundedAmount, p.currencyCode)}</td>
                <td>{dateTime(p.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PaymentActions order={order} can={can} />
    </section>
  );
};
