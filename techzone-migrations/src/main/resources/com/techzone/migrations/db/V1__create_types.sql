-- Shared building blocks: the btree_gist extension (for the bookings exclusion constraint),
-- the two enum types of the report (order_status with the typo fixed: 8 values), and the one
-- trigger function that keeps every updated_at column current.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE order_status AS ENUM (
    'pending', 'processing', 'layaway', 'shipped', 'delivered', 'cancelled', 'refunded', 'on_hold'
);

CREATE TYPE user_role AS ENUM ('user', 'admin');

CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
