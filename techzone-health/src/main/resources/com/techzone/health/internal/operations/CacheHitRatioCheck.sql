-- Buffer cache hits and disk reads of the current database since the statistics began.
select blks_hit, blks_read
from pg_stat_database
where datname = current_database()
