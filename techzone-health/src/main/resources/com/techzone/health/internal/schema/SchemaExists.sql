-- Whether the inspected schema exists at all (pg_namespace is readable by every role).
select exists (select from pg_namespace where nspname = ?) as present
