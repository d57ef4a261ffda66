-- The stock ledger and the sales reports rebuilt from orders.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

CREATE TABLE inventory_logs (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    product_id  uuid        NOT NULL,
    change      integer     NOT NULL,
    reason      text        NOT NULL,
    stock_after integer     NOT NULL,
    order_id    uuid,
    note        text,
    created_by  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_inventory_logs PRIMARY KEY (id),
    CONSTRAINT fk_inventory_logs_product_id FOREIGN KEY (product_id)
        REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT chk_inventory_logs_change_nonzero CHECK (change <> 0),
    CONSTRAINT chk_inventory_logs_stock_after_nonnegative CHECK (stock_after >= 0),
    CONSTRAINT chk_inventory_logs_reason
        CHECK (reason IN ('initial', 'restock', 'sale', 'cancellation', 'refund', 'adjustment')),
    CONSTRAINT chk_inventory_logs_note_length CHECK (char_length(note) <= 5000)
);
-- A product's stock history (covers fk_inventory_logs_product_id; idx_inventory_logs_product_id merged here).
CREATE INDEX idx_inventory_logs_product_date ON inventory_logs (product_id, created_at);
-- The ledger of a period.
CREATE INDEX idx_inventory_logs_created_at ON inventory_logs (created_at);

CREATE TABLE sales_reports (
    id                  uuid          NOT NULL DEFAULT gen_random_uuid(),
    granularity         text          NOT NULL,
    period_start        date          NOT NULL,
    period_end          date          NOT NULL,
    orders_count        integer       NOT NULL DEFAULT 0,
    items_sold          integer       NOT NULL DEFAULT 0,
    gross_revenue       numeric(14,2) NOT NULL DEFAULT 0,
    refunds             numeric(14,2) NOT NULL DEFAULT 0,
    net_revenue         numeric(14,2) NOT NULL DEFAULT 0,
    average_order_value numeric(14,2) NOT NULL DEFAULT 0,
    generated_at        timestamptz   NOT NULL DEFAULT now(),
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_sales_reports PRIMARY KEY (id),
    CONSTRAINT uq_sales_reports_period UNIQUE (granularity, period_start),
    CONSTRAINT chk_sales_reports_granularity CHECK (granularity IN ('day', 'week', 'month')),
    CONSTRAINT chk_sales_reports_period CHECK (period_end > period_start),
    CONSTRAINT chk_sales_reports_counts_nonnegative CHECK (orders_count >= 0 AND items_sold >= 0),
    CONSTRAINT chk_sales_reports_amounts_nonnegative
        CHECK (gross_revenue >= 0 AND refunds >= 0 AND average_order_value >= 0)
);
CREATE TRIGGER trg_sales_reports_updated_at BEFORE UPDATE ON sales_reports
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
