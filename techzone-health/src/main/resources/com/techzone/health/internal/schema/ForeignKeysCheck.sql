-- The single-column foreign keys of the schema with referenced table and delete rule, to compare with the 14 TechZone FKs.
select rel.relname as table_name,
       a.attname as column_name,
       con.conname as constraint_name,
       ref.relname as referenced_table,
       case con.confdeltype when 'c' then 'CASCADE' when 'r' then 'RESTRICT' when 'n' then 'SET NULL'
                            when 'd' then 'SET DEFAULT' else 'NO ACTION' end as on_delete,
       con.convalidated as validated
from pg_constraint con
join pg_class rel on rel.oid = con.conrelid
join pg_namespace n on n.oid = rel.relnamespace
join pg_class ref on ref.oid = con.confrelid
join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
where con.contype = 'f' and n.nspname = ?
