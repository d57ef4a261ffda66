-- Whether the TechZone Flyway history table exists (the qualified name is the parameter); needs no privilege on it.
select to_regclass(?) is not null as present
