-- Replication slots no client is using that still hold WAL back from removal, with how many bytes they retain.
select slot_name, slot_type,
       coalesce(pg_wal_lsn_diff(case when pg_is_in_recovery() then pg_last_wal_receive_lsn() else pg_current_wal_lsn() end,
                                restart_lsn), 0)::bigint as retained_bytes
from pg_replication_slots
where not active and restart_lsn is not null
order by retained_bytes desc, slot_name
