-- WAL archiving: archive_mode and the archiver's failures (pg_stat_archiver).
select current_setting('archive_mode') as archive_mode, archived_count, failed_count, last_failed_wal,
       last_failed_time, last_archived_time,
       coalesce(last_failed_time > coalesce(last_archived_time, '-infinity'), false) as failing
from pg_stat_archiver
