-- Every column of the schema's tables with its declared type, to check money, timestamp and text conventions.
select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as data_type,
       t.typname as type_name
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
where n.nspname = ? and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
  and c.relname <> ?
