-- The partitioned parent of inventory_logs, built under a temporary name beside the live table and renamed
-- in the switch. Columns in the live table's order (V5, then seq from V7), so a prepared statement that
-- returns * keeps its result type; defaults, checks, the foreign key and the index definitions as V5/V7/V9
-- made them. The primary key must include the partition key: (id, created_at). %1$s is the schema.
CREATE TABLE %1$s.inventory_logs_p_new (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    product_id  uuid        NOT NULL,
    change      integer     NOT NULL,
    reason      text        NOT NULL,
    stock_after integer     NOT NULL,
    order_id    uuid,
    note        text,
    created_by  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    seq         bigint      DEFAULT nextval('%1$s.inventory_logs_seq'),
    CONSTRAINT inventory_logs_p_new_pkey PRIMARY KEY (id, created_at),
    CONSTRAINT fk_inventory_logs_product_id FOREIGN KEY (product_id)
        REFERENCES %1$s.products (id) ON DELETE RESTRICT,
    CONSTRAINT chk_inventory_logs_change_nonzero CHECK (change <> 0),
    CONSTRAINT chk_inventory_logs_stock_after_nonnegative CHECK (stock_after >= 0),
    CONSTRAINT chk_inventory_logs_reason
        CHECK (reason IN ('initial', 'restock', 'sale', 'cancellation', 'refund', 'adjustment')),
    CONSTRAINT chk_inventory_logs_note_length CHECK (char_length(note) <= 5000)
) PARTITION BY RANGE (created_at);
CREATE INDEX inventory_logs_p_new_product_date ON %1$s.inventory_logs_p_new (product_id, created_at, (coalesce(seq, 0)), id);
CREATE INDEX inventory_logs_p_new_created_at ON %1$s.inventory_logs_p_new (created_at);
