-- The foreign keys of the schema with their columns, referenced table and delete rule (a partitioned table's
-- once: the copies on its partitions are not listed).
select con.conname as constraint_name,
       rel.relname as table_name,
       (select string_agg(a.attname, ', ' order by k.ord)
          from unnest(con.conkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
       ref.relname as referenced_table,
       case con.confdeltype when 'c' then 'CASCADE' when 'r' then 'RESTRICT' when 'n' then 'SET NULL'
                            when 'd' then 'SET DEFAULT' else 'NO ACTION' end as on_delete
from pg_constraint con
join pg_class rel on rel.oid = con.conrelid
join pg_namespace n on n.oid = rel.relnamespace
join pg_class ref on ref.oid = con.confrelid
where con.contype = 'f' and n.nspname = ? and not rel.relispartition
order by ref.relname, rel.relname, con.conname
