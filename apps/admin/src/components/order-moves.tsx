import { moveOrder, type Order, type OrderStatus } from '../api/orders.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ConfirmAction } from './confirm-action.js';
import { ErrorNotice } from './error-notice.js';
import { useOrderMutation } from './order-mutation.js';

const messages = defineMessages({
  en: {
    legend: 'Move the order',
    none: 'No further moves.',
    pending: 'Back to pending',
    paid: 'Mark as paid',
    fulfilled: 'Mark as fulfilled',
    shipped: 'Mark as shipped',
    delivered: 'Mark as delivered',
    cancelled: 'Cancel order',
    refunded: 'Refund',
    confirmCancel: (n: number) => `Cancel order #${n}? Its stock goes back, and any money paid is refunded.`,
    confirmRefund: (n: number) => `Refund order #${n}? The whole payment goes back to the customer; this cannot be undone.`,
    yesCancel: 'Yes, cancel the order',
    yesRefund: 'Yes, refund',
  },
  ru: {
    legend: 'Перевести заказ',
    none: 'Дальнейших переходов нет.',
    pending: 'Вернуть в ожидание',
    paid: 'Отметить оплаченным',
    fulfilled: 'Отметить собранным',
    shipped: 'Отметить отправленным',
    delivered: 'Отметить доставленным',
    cancelled: 'Отменить заказ',
    refunded: 'Вернуть деньги',
    confirmCancel: (n: number) => `Отменить заказ №${n}? Товар вернётся на склад, а оплата — покупателю.`,
    confirmRefund: (n: number) => `Вернуть деньги за заказ №${n}? Вся оплата вернётся покупателю; отменить это нельзя.`,
    yesCancel: 'Да, отменить заказ',
    yesRefund: 'Да, вернуть',
  },
});

/** Moving money back needs commerce.orders.refund (a refund, or cancelling a paid order); other moves need manage. */
export const movePermission = (from: OrderStatus, to: OrderStatus): string =>
  to === 'refunded' || (to === 'cancelled' && from === 'paid') ? 'commerce.orders.refund' : 'commerce.orders.manage';

interface Props {
  readonly order: Order;
  /** Whether the user holds a permission (the server checks again). */
  readonly can: (permission: string) => boolean;
}

/** The moves the server allows from the order's status (and the user may make); cancelling and refunding ask first. */
export const OrderMoves = ({ order, can }: Props) => {
  const t = useMessages(messages);
  const move = useOrderMutation(order.id, moveOrder);
  const moves = order.allowedTransitions.filter((to) => can(movePermission(order.status, to)));
  const go = (to: OrderStatus) => move.mutate({ id: order.id, to });
  return (
    <>
      <fieldset className="row actions">
        <legend>{t.legend}</legend>
        {moves.length === 0 ? <span>{t.none}</span> : null}
        {moves.map((to) =>
          to === 'refunded' || to === 'cancelled' ? (
            <ConfirmAction
              key={to}
              label={t[to]}
              question={to === 'refunded' ? t.confirmRefund(order.displayId) : t.confirmCancel(order.displayId)}
              confirmLabel={to === 'refunded' ? t.yesRefund : t.yesCancel}
              disabled={move.isPending}
              onConfirm={() => go(to)}
            />
          ) : (
            <button key={to} type="button" disabled={move.isPending} onClick={() => go(to)}>
              {t[to]}
            </button>
          ),
        )}
      </fieldset>
      {move.error ? <ErrorNotice error={move.error} /> : null}
    </>
  );
};
