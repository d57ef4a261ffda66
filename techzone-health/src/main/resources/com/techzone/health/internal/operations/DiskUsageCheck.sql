-- The size of the current database on disk.
select pg_database_size(current_database()) as bytes
