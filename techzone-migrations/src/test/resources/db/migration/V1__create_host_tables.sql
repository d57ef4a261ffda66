-- A host application's own first migration, on Flyway's default location (classpath:db/migration):
-- its tables share names with TechZone's on purpose, as a real shop host's would.
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login text NOT NULL UNIQUE
);

CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id)
);
