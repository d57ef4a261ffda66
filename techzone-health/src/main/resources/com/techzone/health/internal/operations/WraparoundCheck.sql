-- Transaction-ID age of the current database (wraparound forces a shutdown near 2.1 billion).
select datname, age(datfrozenxid) as xid_age, current_setting('autovacuum_freeze_max_age')::bigint as freeze_max_age
from pg_database
where datname = current_database()
