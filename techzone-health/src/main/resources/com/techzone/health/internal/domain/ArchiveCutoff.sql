-- The time before which a partitioned ledger's rows were archived: when no partition FROM (MINVALUE)
-- (the legacy one) and no default partition is attached, the lower bound of its oldest attached
-- partition; null when nothing was archived or the ledger is a plain table. {ledger} is the table.
select case when bool_or(b !~ 'FROM \(''') then null
            else min((regexp_match(b, 'FROM \(''([^'']+)''\)'))[1]::timestamptz) end as archived_before
from (select pg_get_expr(c.relpartbound, c.oid) as b
      from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      where i.inhparent = to_regclass('{schema}.{ledger}')) partitions
