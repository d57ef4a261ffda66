-- The indexes of the schema, each put in one category of the report (primary key, unique, foreign key, partial, composite, performance).
-- A partitioned table's index is listed once, with the sizes of its partitions' indexes summed.
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
       case when ic.relkind = 'I'
            then (select coalesce(sum(pg_relation_size(t.relid)), 0)::bigint from pg_partition_tree(i.indexrelid) t where t.isleaf)
            else pg_relation_size(i.indexrelid) end as bytes
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class tc on tc.oid = i.indrelid
join pg_namespace n on n.oid = tc.relnamespace
where n.nspname = ? and not tc.relispartition
order by tc.relname, ic.relname
