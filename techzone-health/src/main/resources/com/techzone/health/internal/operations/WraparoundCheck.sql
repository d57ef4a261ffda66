-- The oldest database of the whole cluster by transaction-ID age (datfrozenxid) and by multixact age (datminmxid): wraparound stops the server for every database.
-- tied: how many databases share that age (all of them, typically at multixact age 0), so that the first by name is not called the oldest.
select kind, datname, age, freeze_max_age, current_database() as current_db, tied, databases
from (select 'xid' as kind, datname, age(datfrozenxid)::bigint as age,
             current_setting('autovacuum_freeze_max_age')::bigint as freeze_max_age,
             count(*) over (partition by age(datfrozenxid)) as tied, count(*) over () as databases
      from pg_database order by age(datfrozenxid) desc, datname limit 1) x
union all
select kind, datname, age, freeze_max_age, current_database(), tied, databases
from (select 'multixact' as kind, datname, mxid_age(datminmxid)::bigint as age,
             current_setting('autovacuum_multixact_freeze_max_age')::bigint as freeze_max_age,
             count(*) over (partition by mxid_age(datminmxid)) as tied, count(*) over () as databases
      from pg_database order by mxid_age(datminmxid) desc, datname limit 1) m
