-- Foreign keys of the schema's TechZone tables (a host's own tables are not judged) with no valid, non-partial index whose leading columns are the FK columns.
select rel.relname as table_name,
       con.conname as constraint_name,
       (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
          from unnest(con.conkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
       (select string_agg(a.attname, '_' order by k.ord)
          from unnest(con.conkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as column_names
from pg_constraint con
join pg_class rel on rel.oid = con.conrelid
join pg_namespace n on n.oid = rel.relnamespace
where con.contype = 'f' and n.nspname = ? and rel.relname = any (?)
  and not exists (
      select 1 from pg_index i
      where i.indrelid = con.conrelid and i.indisvalid and i.indpred is null
        and (i.indkey::int2[])[0:cardinality(con.conkey) - 1] operator(pg_catalog.@>) con.conkey
        and (i.indkey::int2[])[0:cardinality(con.conkey) - 1] operator(pg_catalog.<@) con.conkey)
order by rel.relname, con.conname
