-- What customers write and book: reviews, service bookings, contact-form messages.
SET lock_timeout = '5s';
SET statement_timeout = '60s';

CREATE TABLE reviews (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL,
    product_id  uuid,
    service_id  uuid,
    rating      integer     NOT NULL,
    title       text,
    body        text,
    is_approved boolean     NOT NULL DEFAULT false,
    approved_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_reviews PRIMARY KEY (id),
    CONSTRAINT fk_reviews_user_id FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_reviews_product_id FOREIGN KEY (product_id)
        REFERENCES products (id) ON DELETE CASCADE,
    CONSTRAINT fk_reviews_service_id FOREIGN KEY (service_id)
        REFERENCES services (id) ON DELETE CASCADE,
    CONSTRAINT chk_reviews_rating_range CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT chk_reviews_one_subject CHECK (num_nonnulls(product_id, service_id) = 1),
    CONSTRAINT chk_reviews_approval CHECK (is_approved = (approved_at IS NOT NULL)),
    CONSTRAINT chk_reviews_title_length CHECK (char_length(title) <= 200),
    CONSTRAINT chk_reviews_body_length CHECK (char_length(body) <= 5000)
);
-- One review per user per product and per service. Product reviews: covers fk_reviews_product_id.
CREATE UNIQUE INDEX uq_reviews_product_user ON reviews (product_id, user_id);
CREATE UNIQUE INDEX uq_reviews_service_user ON reviews (service_id, user_id);
CREATE INDEX idx_reviews_user_id ON reviews (user_id);
-- Approved reviews of a product / of a service, newest first.
CREATE INDEX idx_reviews_product_approved ON reviews (product_id, created_at, id) WHERE is_approved;
CREATE INDEX idx_reviews_service_approved ON reviews (service_id, created_at, id) WHERE is_approved;
-- Latest approved reviews across the shop.
CREATE INDEX idx_reviews_approved_only ON reviews (created_at, id) WHERE is_approved;
-- The moderation queue: reviews waiting for approval, oldest first.
CREATE INDEX idx_reviews_created_at ON reviews (created_at, id) WHERE NOT is_approved;
CREATE TRIGGER trg_reviews_updated_at BEFORE UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE bookings (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    service_id    uuid        NOT NULL,
    user_id       uuid,
    contact_name  text        NOT NULL,
    contact_email text        NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    status        text        NOT NULL DEFAULT 'pending',
    notes         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_bookings PRIMARY KEY (id),
    CONSTRAINT fk_bookings_service_id FOREIGN KEY (service_id)
        REFERENCES services (id) ON DELETE RESTRICT,
    CONSTRAINT fk_bookings_user_id FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT chk_bookings_status CHECK (status IN ('pending', 'confirmed', 'completed', 'cancelled', 'no_show')),
    CONSTRAINT chk_bookings_time_range CHECK (ends_at > starts_at),
    CONSTRAINT chk_bookings_contact_name_length CHECK (char_length(contact_name) BETWEEN 1 AND 200),
    CONSTRAINT chk_bookings_contact_email_length CHECK (char_length(contact_email) <= 255),
    CONSTRAINT chk_bookings_contact_email_format CHECK (contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT chk_bookings_notes_length CHECK (char_length(notes) <= 5000),
    -- No two active bookings of one service overlap: the guarantee, whatever the callers do.
    CONSTRAINT ex_bookings_no_overlap EXCLUDE USING gist (
        service_id WITH =,
        tstzrange(starts_at, ends_at, '[)') WITH &&
    ) WHERE (status IN ('pending', 'confirmed'))
);
-- A service's bookings in a time window (covers fk_bookings_service_id).
CREATE INDEX idx_bookings_service_id ON bookings (service_id, starts_at);
-- A user's bookings (covers fk_bookings_user_id).
CREATE INDEX idx_bookings_user_id ON bookings (user_id, starts_at);
-- Bookings in one status by start time (bookings to confirm, to complete).
CREATE INDEX idx_bookings_status ON bookings (status, starts_at);
CREATE TRIGGER trg_bookings_updated_at BEFORE UPDATE ON bookings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE contacts (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id    uuid,
    name       text        NOT NULL,
    email      text        NOT NULL,
    subject    text        NOT NULL,
    message    text        NOT NULL,
    status     text        NOT NULL DEFAULT 'new',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_contacts PRIMARY KEY (id),
    CONSTRAINT chk_contacts_status CHECK (status IN ('new', 'in_progress', 'resolved', 'spam')),
    CONSTRAINT chk_contacts_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT chk_contacts_email_length CHECK (char_length(email) <= 255),
    CONSTRAINT chk_contacts_email_format CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT chk_contacts_subject_length CHECK (char_length(subject) BETWEEN 1 AND 200),
    CONSTRAINT chk_contacts_message_length CHECK (char_length(message) BETWEEN 1 AND 5000)
);
-- The support inbox: messages in one status, oldest first.
CREATE INDEX idx_contacts_status ON contacts (status, created_at);
CREATE TRIGGER trg_contacts_updated_at BEFORE UPDATE ON contacts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
