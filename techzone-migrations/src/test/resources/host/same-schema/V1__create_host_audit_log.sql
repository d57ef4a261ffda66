-- A host application's own first migration, for tests where the host and TechZone share one schema
-- (so its table names differ from TechZone's).
CREATE TABLE host_audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event text NOT NULL
);
