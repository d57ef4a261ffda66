-- Carts, orders, their lines and their status history.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

CREATE TABLE cart_items (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id    uuid        NOT NULL,
    product_id uuid        NOT NULL,
    quantity   integer     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_cart_items PRIMARY KEY (id),
    -- Leads with user_id, so it also covers fk_cart_items_user_id (the report's idx_cart_items_user_id).
    CONSTRAINT uq_cart_items_user_product UNIQUE (user_id, product_id),
    CONSTRAINT fk_cart_items_user_id FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_cart_items_product_id FOREIGN KEY (product_id)
        REFERENCES products (id) ON DELETE CASCADE,
    CONSTRAINT chk_cart_items_quantity_positive CHECK (quantity > 0 AND quantity <= 10000)
);
CREATE INDEX idx_cart_items_product_id ON cart_items (product_id);
-- Abandoned carts: items older than a cut-off.
CREATE INDEX idx_cart_items_created_at ON cart_items (created_at);
CREATE TRIGGER trg_cart_items_updated_at BEFORE UPDATE ON cart_items
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE orders (
    id               uuid          NOT NULL DEFAULT gen_random_uuid(),
    order_number     bigint        NOT NULL GENERATED ALWAYS AS IDENTITY,
    user_id          uuid          NOT NULL,
    status           order_status  NOT NULL DEFAULT 'pending',
    currency         text          NOT NULL DEFAULT 'USD',
    subtotal         numeric(12,2) NOT NULL,
    tax              numeric(12,2) NOT NULL DEFAULT 0,
    shipping         numeric(12,2) NOT NULL DEFAULT 0,
    discount         numeric(12,2) NOT NULL DEFAULT 0,
    total            numeric(12,2) NOT NULL,
    shipping_address text,
    idempotency_key  text,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT uq_orders_order_number UNIQUE (order_number),
    CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT chk_orders_totals_nonnegative
        CHECK (subtotal >= 0 AND tax >= 0 AND shipping >= 0 AND discount >= 0 AND total >= 0),
    CONSTRAINT chk_orders_total_consistent CHECK (total = subtotal + tax + shipping - discount),
    CONSTRAINT chk_orders_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT chk_orders_shipping_address_length CHECK (char_length(shipping_address) <= 1000),
    CONSTRAINT chk_orders_idempotency_key_length CHECK (char_length(idempotency_key) BETWEEN 1 AND 200)
);
-- A user's orders by status (covers fk_orders_user_id; the report's idx_orders_user_id merged here).
CREATE INDEX idx_orders_user_status ON orders (user_id, status, created_at);
-- Orders in one status, oldest first (fulfilment queues, dashboard counts).
CREATE INDEX idx_orders_status ON orders (status, created_at);
-- Orders of a period (sales reports).
CREATE INDEX idx_orders_created_at ON orders (created_at);
-- A retried checkout finds the first order; two racing attempts cannot both insert.
CREATE UNIQUE INDEX uq_orders_idempotency_key ON orders (idempotency_key, user_id)
    WHERE idempotency_key IS NOT NULL;
CREATE TRIGGER trg_orders_updated_at BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE order_items (
    id           uuid          NOT NULL DEFAULT gen_random_uuid(),
    order_id     uuid          NOT NULL,
    product_id   uuid,
    product_name text          NOT NULL,
    sku          text          NOT NULL,
    price        numeric(12,2) NOT NULL,
    quantity     integer       NOT NULL,
    line_total   numeric(12,2) NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_order_items PRIMARY KEY (id),
    CONSTRAINT fk_order_items_order_id FOREIGN KEY (order_id)
        REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT fk_order_items_product_id FOREIGN KEY (product_id)
        REFERENCES products (id) ON DELETE SET NULL,
    CONSTRAINT chk_order_items_quantity_positive CHECK (quantity > 0),
    CONSTRAINT chk_order_items_price_nonnegative CHECK (price >= 0),
    CONSTRAINT chk_order_items_line_total CHECK (line_total = price * quantity),
    CONSTRAINT chk_order_items_product_name_length CHECK (char_length(product_name) BETWEEN 1 AND 200),
    CONSTRAINT chk_order_items_sku_length CHECK (char_length(sku) BETWEEN 1 AND 64)
);
CREATE INDEX idx_order_items_order_id ON order_items (order_id);
CREATE INDEX idx_order_items_product_id ON order_items (product_id);

CREATE TABLE order_status_history (
    id          uuid         NOT NULL DEFAULT gen_random_uuid(),
    order_id    uuid         NOT NULL,
    from_status order_status,
    to_status   order_status NOT NULL,
    changed_by  uuid,
    note        text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_order_status_history PRIMARY KEY (id),
    CONSTRAINT fk_order_status_history_order_id FOREIGN KEY (order_id)
        REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT chk_order_status_history_changed CHECK (from_status IS DISTINCT FROM to_status),
    CONSTRAINT chk_order_status_history_note_length CHECK (char_length(note) <= 5000)
);
CREATE INDEX idx_order_status_history_order_id ON order_status_history (order_id, created_at);
