import { generateId } from '@rustok/kernel';
import type { CommerceTx } from '../context.js';
import { COMMERCE_EVENT, type PaymentEventPayload } from '../events.js';
import { toMinor } from '../money.js';
import type { PaymentStatus } from '../schemas/order.js';
import type { OrderRow, PaymentRow } from '../use-cases/orders/order-view.js';
import { paymentProviders } from './index.js';

const PAYMENT_COLUMNS = 'id, provider, status, currency_code, amount, refunded_amount, provider_reference, created_at, updated_at';
const NOW = "date_trunc('milliseconds', now())";

export const loadPayments = async (w: CommerceTx, orderId: string): Promise<PaymentRow[]> =>
  (await w.tx.query<PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM commerce_payments WHERE order_id = $1 ORDER BY created_at, id`, [orderId]))
    .rows;

const asProvider = (p: PaymentRow) => ({ reference: p.provider_reference, amount: toMinor(p.amount), currencyCode: p.currency_code });

const event = (type: string, p: PaymentRow, orderId: string, status: PaymentStatus) => ({
  type,
  payload: {
    paymentId: p.id,
    orderId,
    provider: p.provider,
    status,
    amount: toMinor(p.amount),
    currencyCode: p.currency_code,
  } satisfies PaymentEventPayload,
});

const setStatus = async (w: CommerceTx, id: string, status: PaymentStatus, refunded?: number): Promise<void> => {
  await w.tx.query(
    `UPDATE commerce_payments SET status = $2, refunded_amount = COALESCE($3, refunded_amount), updated_at = ${NOW} WHERE id = $1`,
    [id, status, refunded ?? null],
  );
};

/** Authorizes the order's total with a provider and records the payment (commerce.payment.authorized). */
export const authorize = async (w: CommerceTx, order: OrderRow, providerId: string): Promise<PaymentRow> => {
  const provider = paymentProviders.get(providerId);
  const amount = toMinor(order.total);
  const { reference } = await provider.authorize({ orderId: order.id, amount, currencyCode: order.currency_code });
  const { rows } = await w.tx.query<PaymentRow>(
    `INSERT INTO commerce_payments (id, order_id, provider, status, currency_code, amount, provider_reference, created_at, updated_at)
     VALUES ($1, $2, $3, 'authorized', $4, $5, $6, ${NOW}, ${NOW}) RETURNING ${PAYMENT_COLUMNS}`,
    [generateId(), order.id, provider.id, order.currency_code, amount, reference],
  );
  const payment = rows[0] as PaymentRow;
  await w.publishAll([event(COMMERCE_EVENT.paymentAuthorized, payment, order.id, 'authorized')]);
  return payment;
};

/** Captures an authorized payment (commerce.payment.captured). */
export const capture = async (w: CommerceTx, order: OrderRow, payment: PaymentRow): Promise<void> => {
  await paymentProviders.get(payment.provider).capture(asProvider(payment));
  await setStatus(w, payment.id, 'captured');
  await w.publishAll([event(COMMERCE_EVENT.paymentCaptured, payment, order.id, 'captured')]);
};

/** Makes sure captured money covers the order: captures the authorization, or records a manual payment. */
export const ensureCaptured = async (w: CommerceTx, order: OrderRow): Promise<void> => {
  const payments = await loadPayments(w, order.id);
  const captured = payments.filter((p) => p.status === 'captured').reduce((a, p) => a + toMinor(p.amount), 0);
  if (captured >= toMinor(order.total)) return;
  const authorized = payments.find((p) => p.status === 'authorized') ?? (await authorize(w, order, 'manual'));
  await capture(w, order, authorized);
};

/** Gives back captured money (commerce.payment.refunded per payment) and voids open authorizations. */
export const settleForReturn = async (w: CommerceTx, order: OrderRow): Promise<void> => {
  for (const p of await loadPayments(w, order.id)) {
    const provider = paymentProviders.get(p.provider);
    if (p.status === 'authorized') {
      await provider.void(asProvider(p));
      await setStatus(w, p.id, 'voided');
    } else if (p.status === 'captured') {
      await provider.refund(asProvider(p), toMinor(p.amount) - toMinor(p.refunded_amount));
      await setStatus(w, p.id, 'refunded', toMinor(p.amount));
      await w.publishAll([event(COMMERCE_EVENT.paymentRefunded, p, order.id, 'refunded')]);
    }
  }
};
