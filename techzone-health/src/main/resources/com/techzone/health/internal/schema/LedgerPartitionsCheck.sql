-- The schema's partitioned TechZone ledgers: whether partitions other than the default cover now and all of next month (UTC), their default partition,
-- and a detached one: a plain table named like the default partition (<ledger>_p_default) that is not a partition (docs/schema.md, "Rows in the default partition").
-- The bounds are read back from pg_get_expr's text in the same session, so TimeZone and DateStyle cancel out.
with ledgers as (
    select p.oid, p.relname
    from pg_class p
    join pg_namespace n on n.oid = p.relnamespace
    where n.nspname = ? and p.relkind = 'p' and p.relname = any (?)
), parts as (
    select l.relname as ledger, c.oid, c.relname as partition,
           pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT' as is_default,
           (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\)'))[1]::timestamptz as lo,
           (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz as hi
    from ledgers l
    join pg_inherits i on i.inhparent = l.oid
    join pg_class c on c.oid = i.inhrelid
), months as (
    select (date_trunc('month', now() at time zone 'UTC') + interval '1 month') at time zone 'UTC' as next_start,
           (date_trunc('month', now() at time zone 'UTC') + interval '2 months') at time zone 'UTC' as next_end
)
select l.relname as ledger,
       count(p.oid) filter (where not p.is_default) as partitions,
       bool_or(not p.is_default and coalesce(p.lo <= now(), true) and coalesce(p.hi > now(), true)) is true as covers_now,
       bool_or(not p.is_default and coalesce(p.lo <= m.next_start, true) and coalesce(p.hi > m.next_start, true)) is true
           and bool_or(not p.is_default and coalesce(p.lo < m.next_end, true) and coalesce(p.hi >= m.next_end, true)) is true
           as covers_next_month,
       to_char(m.next_start at time zone 'UTC', 'YYYY-MM') as next_month,
       max(p.partition) filter (where p.is_default) as default_partition,
       coalesce(bool_or(p.is_default and has_table_privilege(p.oid, 'SELECT')), false)
           and has_schema_privilege(?, 'USAGE') as default_readable,
       (select d.relname from pg_class d
        where d.relnamespace = (select oid from pg_namespace where nspname = ?)
          and d.relname = l.relname || '_p_default' and d.relkind = 'r' and not d.relispartition) as detached_default,
       coalesce((select has_table_privilege(d.oid, 'SELECT') from pg_class d
                 where d.relnamespace = (select oid from pg_namespace where nspname = ?)
                   and d.relname = l.relname || '_p_default' and d.relkind = 'r' and not d.relispartition), false)
           and has_schema_privilege(?, 'USAGE') as detached_readable
from ledgers l
cross join months m
left join parts p on p.ledger = l.relname
group by l.relname, m.next_start
order by l.relname
