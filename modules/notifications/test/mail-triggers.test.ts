import { blogModule } from '@rustok/blog';
import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import type { EventEnvelope, TenantRef } from '@rustok/kernel';
import { caller, createTestPlatform, describeEachBackend, ok, type SmtpSink, startSmtpSink, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import notificationsModule from '../src/index.js';
import type { MailLog } from '../src/schemas-mail.js';
import { type Headers, until } from './helpers.js';

const SHOP_URL = 'https://shop.example.com';

/** The mails an order's shipping and a comment's approval cause, through a real SMTP server on loopback. */
describeEachBackend('order-shipped and comment-approved mails', (backend) => {
  let p: TestPlatform;
  let sink: SmtpSink;
  let tenant: TenantRef;
  let admin: Headers;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);
  const mailsTo = (address: string, subject: RegExp) =>
    sink.received.filter((m) => m.to.includes(address) && subject.test(m.mail.subject ?? ''));
  const mailTo = (address: string, subject: RegExp) => until(async () => mailsTo(address, subject).at(-1), `a mail to ${address}`);
  const logOf = async (template: string) =>
    (await ok<MailLog>(call('GET', '/notifications/mail/log?limit=100', admin))).items.filter((m) => m.template === template);
  /** Every event of the type published so far handled by the consumer, and every mail queued so far sent. */
  const drained = async (consumer: string, type: string) => {
    const unhandled = async () => {
      const { rows } = await p.database.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sys_events e WHERE e.tenant_id = $1 AND e.type = $2
            AND NOT EXISTS (SELECT 1 FROM sys_event_receipts r WHERE r.event_id = e.id AND r.consumer = $3)`,
        [tenant.id, type, consumer],
      );
      return rows[0]?.n ?? 1;
    };
    await until(async () => (await unhandled()) === 0, `${type} handled by ${consumer}`);
    const log = async () => (await logOf('order.shipped')).concat(await logOf('comment.approved'));
    await until(async () => (await log()).every((m) => m.status !== 'pending'), 'mails sent');
  };

  /** Hands the outbox's event to the consumers again, as a redelivery after a lost acknowledgement would. */
  const replay = async (type: string, match: (payload: Record<string, unknown>) => boolean) => {
    const { rows } = await p.database.db.query<{ envelope: EventEnvelope<Record<string, unknown>> }>(
      'SELECT envelope FROM sys_events WHERE tenant_id = $1 AND type = $2',
      [tenant.id, type],
    );
    const envelope = rows.map((r) => r.envelope).find((e) => match(e.payload));
    if (!envelope) throw new Error(`no ${type} event to replay`);
    await p.bus.dispatcher.deliver([{ ...envelope, retryCount: 1 }]);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    p = await createTestPlatform({
      backend,
      modules: [contentModule, blogModule, commerceModule, notificationsModule],
      config: {
        settings: {
          rustok: { notifications: { mail: { smtp: { host: '127.0.0.1', port: sink.port }, poll_ms: 20, shop_url: SHOP_URL } } },
        },
      },
    });
    tenant = await p.createTenant('trigger-shop', 'Trigger Shop');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  });
  afterAll(async () => {
    await p?.close();
    await sink?.close();
  });

  const placeOrder = async (email: string, locale: string): Promise<{ id: string; displayId: number }> => {
    const body = {
      title: `Boot ${locale}`,
      status: 'published',
      variants: [{ title: 'Default', sku: `SHIP-${locale}`, prices: [{ currencyCode: 'EUR', amount: 9_999 }], inventory: 5 }],
    };
    const product = await ok<{ variants: { id: string }[] }>(call('POST', '/commerce/products', admin, body), 201);
    const shopper = { 'x-tenant-id': tenant.id };
    const { cart, cartToken } = await ok<{ cart: { id: string }; cartToken: string }>(
      call('POST', '/store/carts', shopper, { currencyCode: 'EUR' }),
      201,
    );
    const withCart = { ...shopper, 'x-cart-token': cartToken };
    await ok(call('POST', `/store/carts/${cart.id}/items`, withCart, { variantId: product.variants[0]?.id, quantity: 1 }));
    const shippingAddress = { name: 'Greta Käufer', line1: 'Hauptstraße 1', city: 'Wien', postalCode: '1010', countryCode: 'AT' };
    const placed = await ok<{ order: { id: string; displayId: number } }>(
      call('POST', `/store/carts/${cart.id}/checkout`, withCart, { email, shippingAddress, locale }),
      201,
    );
    return placed.order;
  };
  const moveTo = (orderId: string, to: string) => ok(call('POST', `/commerce/orders/${orderId}/transitions`, admin, { to }));

  it("mails the customer once when the order ships, in the order's locale; a replayed event sends no second mail", async () => {
    const order = await placeOrder('ship@example.com', 'de-AT');
    for (const to of ['paid', 'fulfilled']) await moveTo(order.id, to);
    expect(mailsTo('ship@example.com', /unterwegs/)).toEqual([]);
    await moveTo(order.id, 'shipped');
    const got = await mailTo('ship@example.com', /unterwegs/);
    expect(got.mail.subject).toBe(`Ihre Bestellung ${order.displayId} ist unterwegs`);
    expect(got.mail.text).toContain('Hallo Greta Käufer');
    expect(got.mail.text).toMatch(new RegExp(`Ihre Bestellung ${order.displayId} wurde am .+ versandt\\.`));
    expect(got.mail.text).toContain(`${SHOP_URL}/orders/${order.id}`);
    await replay('commerce.order.status_changed', (e) => e.orderId === order.id && e.to === 'shipped');
    await moveTo(order.id, 'delivered');
    await drained('notifications.order-shipped-mails', 'commerce.order.status_changed');
    expect((await logOf('order.shipped')).filter((m) => m.recipient === 'ship@example.com')).toHaveLength(1);
    expect(mailsTo('ship@example.com', /unterwegs/)).toHaveLength(1);
  });

  it('mails the author of an approved comment once, at the comment; a rejected comment mails nobody', async () => {
    const post = await ok<{ id: string }>(call('POST', '/blog/posts', admin, { title: 'Trail shoes', body: 'Which ones?' }), 201);
    await ok(call('POST', `/blog/posts/${post.id}/publish`, admin));
    const author = await p.userWithToken(tenant.id, ['customer'], 'writer@example.com');
    const critic = await p.userWithToken(tenant.id, ['customer'], 'critic@example.com');
    const comment = async (headers: Headers, body: string) =>
      (await ok<{ id: string }>(call('POST', `/blog/posts/${post.id}/comments`, headers, { body }), 201)).id;
    const liked = await comment(author.headers, 'Ran my first **half marathon** in these & loved it.');
    const spam = await comment(critic.headers, 'Buy cheap watches');
    const moderate = (id: string, status: string) => ok(call('POST', `/blog/posts/${post.id}/comments/${id}/moderate`, admin, { status }));
    await moderate(liked, 'approved');
    await moderate(spam, 'rejected');
    const got = await mailTo('writer@example.com', /published/);
    expect(got.mail.subject).toBe('Your comment on “Trail shoes” is published');
    expect(got.mail.text).toContain('Ran my first half marathon in these & loved it.');
    expect(got.mail.text).toContain(`${SHOP_URL}/blog/trail-shoes#c-${liked}`);
    await moderate(liked, 'approved'); // approved again: not news
    await replay('blog.comment.moderated', (e) => e.commentId === liked && e.from === 'pending');
    await drained('notifications.comment-mails', 'blog.comment.moderated');
    expect((await logOf('comment.approved')).map((m) => m.recipient)).toEqual(['writer@example.com']);
    expect(mailsTo('critic@example.com', /./)).toEqual([]);
  });
});
