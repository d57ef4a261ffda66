-- Users, and the catalog they browse: categories shared by products and services.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

CREATE TABLE users (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    full_name     text        NOT NULL,
    role          user_role   NOT NULL DEFAULT 'user',
    is_active     boolean     NOT NULL DEFAULT true,
    last_login_at timestamptz,
    anonymized_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT chk_users_email_length CHECK (char_length(email) <= 255),
    CONSTRAINT chk_users_email_format CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT chk_users_password_hash_length CHECK (char_length(password_hash) BETWEEN 1 AND 255),
    CONSTRAINT chk_users_full_name_length CHECK (char_length(full_name) BETWEEN 1 AND 200)
);
-- Email is unique regardless of case: "Ann@Shop.com" and "ann@shop.com" are one account.
CREATE UNIQUE INDEX uq_users_email_lower ON users (lower(email));
CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE categories (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    name        text        NOT NULL,
    slug        text        NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_categories PRIMARY KEY (id),
    CONSTRAINT uq_categories_slug UNIQUE (slug),
    CONSTRAINT chk_categories_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT chk_categories_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 200),
    CONSTRAINT chk_categories_description_length CHECK (char_length(description) <= 5000)
);
CREATE TRIGGER trg_categories_updated_at BEFORE UPDATE ON categories
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE products (
    id                  uuid          NOT NULL DEFAULT gen_random_uuid(),
    category_id         uuid,
    sku                 text          NOT NULL,
    name                text          NOT NULL,
    description         text,
    price               numeric(12,2) NOT NULL,
    stock               integer       NOT NULL DEFAULT 0,
    low_stock_threshold integer       NOT NULL DEFAULT 5,
    is_active           boolean       NOT NULL DEFAULT true,
    version             integer       NOT NULL DEFAULT 0,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_products PRIMARY KEY (id),
    CONSTRAINT uq_products_sku UNIQUE (sku),
    CONSTRAINT fk_products_category_id FOREIGN KEY (category_id)
        REFERENCES categories (id) ON DELETE SET NULL,
    CONSTRAINT chk_products_price_positive CHECK (price > 0),
    CONSTRAINT chk_products_stock_nonnegative CHECK (stock >= 0),
    CONSTRAINT chk_products_low_stock_threshold_nonnegative CHECK (low_stock_threshold >= 0),
    CONSTRAINT chk_products_sku_length CHECK (char_length(sku) BETWEEN 1 AND 64),
    CONSTRAINT chk_products_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT chk_products_description_length CHECK (char_length(description) <= 5000)
);
-- Covers the FK (a category delete sets category_id NULL) and the report's idx_products_category.
CREATE INDEX idx_products_category_id ON products (category_id);
-- Active products of one category, in name order (keyset pagination on name, id).
CREATE INDEX idx_products_category_active ON products (category_id, name, id) WHERE is_active;
-- The whole active catalogue, newest first (keyset pagination on created_at, id).
CREATE INDEX idx_products_active_only ON products (created_at, id) WHERE is_active;
-- Products to restock, emptiest first.
CREATE INDEX idx_products_low_stock ON products (stock) WHERE stock <= low_stock_threshold;
CREATE TRIGGER trg_products_updated_at BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE services (
    id               uuid          NOT NULL DEFAULT gen_random_uuid(),
    category_id      uuid,
    name             text          NOT NULL,
    description      text,
    price            numeric(12,2) NOT NULL,
    duration_minutes integer       NOT NULL,
    is_active        boolean       NOT NULL DEFAULT true,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT pk_services PRIMARY KEY (id),
    CONSTRAINT fk_services_category_id FOREIGN KEY (category_id)
        REFERENCES categories (id) ON DELETE SET NULL,
    CONSTRAINT chk_services_price_positive CHECK (price > 0),
    CONSTRAINT chk_services_duration_positive CHECK (duration_minutes > 0),
    CONSTRAINT chk_services_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT chk_services_description_length CHECK (char_length(description) <= 5000)
);
CREATE INDEX idx_services_category_id ON services (category_id);
CREATE INDEX idx_services_category_active ON services (category_id, name, id) WHERE is_active;
CREATE INDEX idx_services_active_only ON services (created_at, id) WHERE is_active;
CREATE TRIGGER trg_services_updated_at BEFORE UPDATE ON services
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
