-- The partitioned parent of order_status_history, built under a temporary name beside the live table and
-- renamed in the switch. Columns in the live table's order (V3, seq from V7, restocked from V8), so a prepared
-- statement that returns * keeps its result type; defaults, checks, the foreign key and the index definition
-- as V3/V7/V8 made them. The primary key must include the partition key: (id, created_at). %1$s is the schema.
CREATE TABLE %1$s.order_status_history_p_new (
    id          uuid                   NOT NULL DEFAULT gen_random_uuid(),
    order_id    uuid                   NOT NULL,
    from_status %1$s.order_status,
    to_status   %1$s.order_status      NOT NULL,
    changed_by  uuid,
    note        text,
    created_at  timestamptz            NOT NULL DEFAULT now(),
    seq         bigint                 DEFAULT nextval('%1$s.order_status_history_seq'),
    restocked   boolean,
    CONSTRAINT order_status_history_p_new_pkey PRIMARY KEY (id, created_at),
    CONSTRAINT fk_order_status_history_order_id FOREIGN KEY (order_id)
        REFERENCES %1$s.orders (id) ON DELETE CASCADE,
    CONSTRAINT chk_order_status_history_changed CHECK (from_status IS DISTINCT FROM to_status),
    CONSTRAINT chk_order_status_history_note_length CHECK (char_length(note) <= 5000)
) PARTITION BY RANGE (created_at);
CREATE INDEX order_status_history_p_new_order_id ON %1$s.order_status_history_p_new (order_id, created_at);
