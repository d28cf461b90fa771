import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';
import { orderPartitionsMigration } from './order-partitions.js';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;
const LOCALE = `locale text NOT NULL CHECK (locale ~ '^[a-z]{2}(-[A-Z]{2})?$')`;
const CURRENCY = `currency_code char(3) NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$')`;
const TIMES = 'created_at timestamptz NOT NULL DEFAULT now(),\n  updated_at timestamptz NOT NULL DEFAULT now()';

/**
 * Catalog: products, variants, their translations, price lists and prices, and stock per variant.
 * Money is integer minor units (bigint). Foreign keys carry the tenant, so no row can point at
 * another tenant's row; every table has forced row-level security.
 */
const catalog = `
CREATE TABLE commerce_products (
  id uuid PRIMARY KEY,
  ${TENANT},
  handle text NOT NULL CHECK (handle ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(handle) <= 200),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  subtitle text CHECK (length(subtitle) <= 500),
  description text CHECK (length(description) <= 100000),
  rich_description jsonb,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  discountable boolean NOT NULL DEFAULT true,
  seo_title text CHECK (length(seo_title) <= 300),
  seo_description text CHECK (length(seo_description) <= 1000),
  categories text[] NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  images jsonb NOT NULL DEFAULT '[]',
  metadata jsonb NOT NULL DEFAULT '{}',
  version bigint NOT NULL DEFAULT 1,
  published_at timestamptz,
  ${TIMES},
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, handle)
);
CREATE INDEX commerce_products_list ON commerce_products (tenant_id, status, id);
CREATE TABLE commerce_product_translations (
  ${TENANT},
  product_id uuid NOT NULL,
  ${LOCALE},
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  subtitle text CHECK (length(subtitle) <= 500),
  description text CHECK (length(description) <= 100000),
  PRIMARY KEY (tenant_id, product_id, locale),
  FOREIGN KEY (tenant_id, product_id) REFERENCES commerce_products (tenant_id, id) ON DELETE CASCADE
);
CREATE TABLE commerce_variants (
  id uuid PRIMARY KEY,
  ${TENANT},
  product_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  sku text CHECK (length(sku) BETWEEN 1 AND 100),
  barcode text CHECK (length(barcode) <= 100),
  options jsonb NOT NULL DEFAULT '{}',
  manage_inventory boolean NOT NULL DEFAULT true,
  allow_backorder boolean NOT NULL DEFAULT false,
  weight integer CHECK (weight >= 0),
  length integer CHECK (length >= 0),
  height integer CHECK (height >= 0),
  width integer CHECK (width >= 0),
  position integer NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}',
  ${TIMES},
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, sku),
  FOREIGN KEY (tenant_id, product_id) REFERENCES commerce_products (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX commerce_variants_product ON commerce_variants (tenant_id, product_id, position);
CREATE TABLE commerce_variant_translations (
  ${TENANT},
  variant_id uuid NOT NULL,
  ${LOCALE},
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  PRIMARY KEY (tenant_id, variant_id, locale),
  FOREIGN KEY (tenant_id, variant_id) REFERENCES commerce_variants (tenant_id, id) ON DELETE CASCADE
);
CREATE TABLE commerce_price_lists (
  id uuid PRIMARY KEY,
  ${TENANT},
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'override')),
  starts_at timestamptz,
  ends_at timestamptz,
  active boolean NOT NULL DEFAULT true,
  ${TIMES},
  UNIQUE (tenant_id, id),
  CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
CREATE TABLE commerce_prices (
  id uuid PRIMARY KEY,
  ${TENANT},
  variant_id uuid NOT NULL,
  price_list_id uuid,
  ${CURRENCY},
  amount bigint NOT NULL CHECK (amount >= 0),
  min_quantity integer NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (tenant_id, variant_id, currency_code, price_list_id, min_quantity),
  FOREIGN KEY (tenant_id, variant_id) REFERENCES commerce_variants (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, price_list_id) REFERENCES commerce_price_lists (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX commerce_prices_variant ON commerce_prices (tenant_id, variant_id, currency_code);
CREATE TABLE commerce_inventory (
  variant_id uuid PRIMARY KEY,
  ${TENANT},
  available integer NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, variant_id) REFERENCES commerce_variants (tenant_id, id) ON DELETE CASCADE
);`;

/** Carts and the shop's simple built-ins: tax rates, flat-rate shipping options, discount codes. */
const checkout = `
CREATE TABLE commerce_tax_rates (
  id uuid PRIMARY KEY,
  ${TENANT},
  country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  rate_bp integer NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
  ${TIMES},
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, country_code)
);
CREATE TABLE commerce_shipping_options (
  id uuid PRIMARY KEY,
  ${TENANT},
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  ${CURRENCY},
  amount bigint NOT NULL CHECK (amount >= 0),
  active boolean NOT NULL DEFAULT true,
  ${TIMES},
  UNIQUE (tenant_id, id)
);
CREATE TABLE commerce_discounts (
  id uuid PRIMARY KEY,
  ${TENANT},
  code text NOT NULL CHECK (code ~ '^[A-Z0-9_-]{1,64}$'),
  kind text NOT NULL CHECK (kind IN ('percentage', 'fixed')),
  value bigint NOT NULL CHECK (value > 0),
  currency_code char(3) CHECK (currency_code ~ '^[A-Z]{3}$'),
  usage_limit integer CHECK (usage_limit >= 1),
  usage_count integer NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
  starts_at timestamptz,
  ends_at timestamptz,
  active boolean NOT NULL DEFAULT true,
  ${TIMES},
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, code),
  CHECK (kind <> 'percentage' OR value <= 10000),
  CHECK (kind <> 'fixed' OR currency_code IS NOT NULL),
  CHECK (usage_limit IS NULL OR usage_count <= usage_limit)
);
CREATE TABLE commerce_carts (
  id uuid PRIMARY KEY,
  ${TENANT},
  customer_id uuid,
  ${CURRENCY},
  email text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'expired')),
  country_code char(2) CHECK (country_code ~ '^[A-Z]{2}$'),
  discount_code text,
  shipping_option_id uuid,
  order_id uuid,
  expires_at timestamptz NOT NULL,
  ${TIMES},
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, shipping_option_id) REFERENCES commerce_shipping_options (tenant_id, id)
);
CREATE INDEX commerce_carts_expiry ON commerce_carts (expires_at) WHERE status = 'open';
CREATE TABLE commerce_cart_items (
  id uuid PRIMARY KEY,
  ${TENANT},
  cart_id uuid NOT NULL,
  variant_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
  ${TIMES},
  UNIQUE (tenant_id, cart_id, variant_id),
  FOREIGN KEY (tenant_id, cart_id) REFERENCES commerce_carts (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, variant_id) REFERENCES commerce_variants (tenant_id, id) ON DELETE CASCADE
);`;

/**
 * Orders: snapshots of lines, prices, addresses and totals; a per-tenant display number; the
 * status history; stock reservations and payments. No free-form custom data on these tables.
 */
const orders = `
CREATE TABLE commerce_order_sequences (
  tenant_id uuid PRIMARY KEY DEFAULT ${CURRENT_TENANT_SQL},
  last_display_id bigint NOT NULL DEFAULT 0
);
CREATE TABLE commerce_orders (
  id uuid PRIMARY KEY,
  ${TENANT},
  display_id bigint NOT NULL,
  cart_id uuid,
  customer_id uuid,
  email text NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'paid', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded')),
  ${CURRENCY},
  subtotal bigint NOT NULL CHECK (subtotal >= 0),
  discount_total bigint NOT NULL DEFAULT 0 CHECK (discount_total >= 0),
  shipping_total bigint NOT NULL DEFAULT 0 CHECK (shipping_total >= 0),
  tax_total bigint NOT NULL DEFAULT 0 CHECK (tax_total >= 0),
  total bigint NOT NULL CHECK (total >= 0),
  discount_code text,
  shipping_option jsonb,
  shipping_address jsonb NOT NULL,
  billing_address jsonb NOT NULL,
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  ${TIMES},
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, display_id),
  UNIQUE (tenant_id, idempotency_key),
  UNIQUE (tenant_id, cart_id),
  CHECK (total = subtotal - discount_total + shipping_total + tax_total)
);
CREATE INDEX commerce_orders_list ON commerce_orders (tenant_id, status, id);
CREATE TABLE commerce_order_lines (
  id uuid PRIMARY KEY,
  ${TENANT},
  order_id uuid NOT NULL,
  product_id uuid,
  variant_id uuid,
  title text NOT NULL,
  variant_title text NOT NULL,
  sku text,
  quantity integer NOT NULL CHECK (quantity >= 1),
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  subtotal bigint NOT NULL CHECK (subtotal >= 0),
  discount_total bigint NOT NULL DEFAULT 0 CHECK (discount_total >= 0),
  tax_total bigint NOT NULL DEFAULT 0 CHECK (tax_total >= 0),
  total bigint NOT NULL CHECK (total >= 0),
  position integer NOT NULL DEFAULT 0,
  FOREIGN KEY (tenant_id, order_id) REFERENCES commerce_orders (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX commerce_order_lines_order ON commerce_order_lines (tenant_id, order_id, position);
CREATE TABLE commerce_order_history (
  id uuid PRIMARY KEY,
  ${TENANT},
  order_id uuid NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid,
  note text CHECK (length(note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, order_id) REFERENCES commerce_orders (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX commerce_order_history_order ON commerce_order_history (tenant_id, order_id, created_at);
CREATE TABLE commerce_reservations (
  id uuid PRIMARY KEY,
  ${TENANT},
  order_id uuid NOT NULL,
  variant_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity >= 1),
  status text NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'released', 'consumed')),
  ${TIMES},
  FOREIGN KEY (tenant_id, order_id) REFERENCES commerce_orders (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX commerce_reservations_order ON commerce_reservations (tenant_id, order_id);
CREATE TABLE commerce_payments (
  id uuid PRIMARY KEY,
  ${TENANT},
  order_id uuid NOT NULL,
  provider text NOT NULL,
  status text NOT NULL CHECK (status IN ('authorized', 'captured', 'refunded', 'failed', 'voided')),
  ${CURRENCY},
  amount bigint NOT NULL CHECK (amount >= 0),
  refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  provider_reference text,
  ${TIMES},
  FOREIGN KEY (tenant_id, order_id) REFERENCES commerce_orders (tenant_id, id) ON DELETE CASCADE,
  CHECK (refunded_amount <= amount)
);
CREATE INDEX commerce_payments_order ON commerce_payments (tenant_id, order_id);`;

const TABLES = [
  'commerce_products',
  'commerce_product_translations',
  'commerce_variants',
  'commerce_variant_translations',
  'commerce_price_lists',
  'commerce_prices',
  'commerce_inventory',
  'commerce_tax_rates',
  'commerce_shipping_options',
  'commerce_discounts',
  'commerce_carts',
  'commerce_cart_items',
  'commerce_order_sequences',
  'commerce_orders',
  'commerce_order_lines',
  'commerce_order_history',
  'commerce_reservations',
  'commerce_payments',
];

/**
 * When a price list's window was last announced (see prices/windows.ts): a start or end after it
 * and not in the future is announced by the price-windows job as a price change.
 */
const priceWindows = `ALTER TABLE commerce_price_lists ADD COLUMN windows_announced_at timestamptz NOT NULL DEFAULT now();`;

/**
 * Carts and orders as capabilities: a cart is reached with its secret token (or by the signed-in
 * customer it belongs to), an order with one of its tokens. Only SHA-256 hashes (hex) of the
 * tokens are stored; a cart has one, an order one per answered checkout (a replay answers a new
 * one). Carts made before this have no token: only their signed-in owner reaches them.
 */
const tokens = `
ALTER TABLE commerce_carts ADD COLUMN token_hash text CHECK (token_hash ~ '^[0-9a-f]{64}$');
CREATE TABLE commerce_order_tokens (
  ${TENANT},
  order_id uuid NOT NULL,
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, order_id, token_hash),
  FOREIGN KEY (tenant_id, order_id) REFERENCES commerce_orders (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX commerce_orders_customer ON commerce_orders (tenant_id, customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX commerce_carts_customer ON commerce_carts (tenant_id, customer_id, id) WHERE status = 'open' AND customer_id IS NOT NULL;
${tenantRlsSql('commerce_order_tokens')}`;

/**
 * The staff's order search (`GET /commerce/orders?q=`): an e-mail address by its beginning, in any
 * case, is an index range scan (the order number already has its unique index).
 */
const orderSearch = 'CREATE INDEX commerce_orders_email ON commerce_orders (tenant_id, lower(email) text_pattern_ops);';

export const commerceMigrations: readonly Migration[] = [
  {
    name: 'm20261202_commerce_001_tables',
    up: [catalog, checkout, orders, ...TABLES.map(tenantRlsSql)].join('\n'),
  },
  { name: 'm20261223_commerce_002_price_windows', up: priceWindows },
  { name: 'm20261223_commerce_003_capability_tokens', up: tokens },
  { name: 'm20261224_commerce_004_order_search', up: orderSearch },
  {
    name: 'm20261225_commerce_005_order_locale',
    up: "ALTER TABLE commerce_orders ADD COLUMN locale text CHECK (locale ~ '^[a-z]{2}(-[A-Z]{2})?$')",
  },
  orderPartitionsMigration,
];
