-- The indexes of the schema, each put in one category of the report (primary key, unique, foreign key, partial, composite, performance).
select ic.relname as index_name,
       tc.relname as table_name,
       case when i.indisprimary then 'primary key'
            when i.indisunique then 'unique'
            when i.indpred is not null then 'partial'
            when exists (select 1 from pg_constraint f
                          where f.contype = 'f' and f.conrelid = i.indrelid
                            and (i.indkey::int2[])[0:cardinality(f.conkey) - 1] = f.conkey) then 'foreign key'
            when i.indnatts > 1 then 'composite'
            else 'performance' end as category,
       pg_get_indexdef(i.indexrelid) as definition,
       pg_relation_size(i.indexrelid) as bytes
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class tc on tc.oid = i.indrelid
join pg_namespace n on n.oid = tc.relnamespace
where n.nspname = ?
order by tc.relname, ic.relname
