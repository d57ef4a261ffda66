-- Every column of the schema's TechZone tables (a host's own tables are not judged) with its declared type, to check money, timestamp and text conventions.
-- data_type names a type of the inspected schema unqualified (as the manifest does) and another
-- schema's type qualified, whatever the search_path: types compare by schema and name, not by the
-- text format_type() gives, which depends on the session's search_path.
select c.relname as table_name, a.attname as column_name,
       case when bn.nspname = 'pg_catalog' then format_type(a.atttypid, a.atttypmod)
            when bn.oid = n.oid then quote_ident(bt.typname) || case when et.oid is null then '' else '[]' end
            else quote_ident(bn.nspname) || '.' || quote_ident(bt.typname) || case when et.oid is null then '' else '[]' end
       end as data_type,
       t.typname as type_name
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
join pg_type bt on bt.oid = coalesce(et.oid, t.oid)
join pg_namespace bn on bn.oid = bt.typnamespace
where n.nspname = ? and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
  and c.relname = any (?)
