-- The oldest database of the whole cluster by transaction-ID age (datfrozenxid) and by multixact age (datminmxid): wraparound stops the server for every database.
select kind, datname, age, freeze_max_age, current_database() as current_db
from (select 'xid' as kind, datname, age(datfrozenxid)::bigint as age,
             current_setting('autovacuum_freeze_max_age')::bigint as freeze_max_age
      from pg_database order by age(datfrozenxid) desc, datname limit 1) x
union all
select kind, datname, age, freeze_max_age, current_database()
from (select 'multixact' as kind, datname, mxid_age(datminmxid)::bigint as age,
             current_setting('autovacuum_multixact_freeze_max_age')::bigint as freeze_max_age
      from pg_database order by mxid_age(datminmxid) desc, datname limit 1) m
